namespace Import.Sdk.Cli;

/// <summary>The file or the arguments cannot be used: the command stops with exit code 2 and this one message on stderr.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
