namespace Import.Sdk.Sqlite;
