namespace Import.Sdk;
