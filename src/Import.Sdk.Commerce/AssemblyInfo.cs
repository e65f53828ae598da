namespace Import.Sdk.Commerce;
