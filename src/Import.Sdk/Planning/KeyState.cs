namespace Import.Sdk.Planning;

/// <summary>What the import knows of a key seen in the file: the row of its first occurrence and whether that row was accepted.</summary>
internal struct KeyState
{
    public int FirstRow;
    public bool Accepted;
}
