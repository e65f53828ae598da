namespace Import.Sdk.Cli;

/// <summary>The exit codes of <c>import-sdk</c> (the CLI contract).</summary>
internal static class ExitCodes
{
    /// <summary>Every row was accepted.</summary>
    public const int Success = 0;

    /// <summary>The import ran and some rows were rejected, or it stopped part-way after some rows were written (interrupted, the store failed).</summary>
    public const int RowsRejected = 1;

    /// <summary>The file or the arguments could not be used; nothing was written.</summary>
    public const int Unusable = 2;

    /// <summary>Cancelled by Ctrl+C (128 + SIGINT) before any row was written.</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM (128 + SIGTERM) before any row was written.</summary>
    public const int Terminated = 143;
}
