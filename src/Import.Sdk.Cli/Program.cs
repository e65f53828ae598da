return await Import.Sdk.Cli.Cli.MainAsync(args);
