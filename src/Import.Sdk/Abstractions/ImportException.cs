namespace Import.Sdk;

/// <summary>The base of every exception thrown by the SDK for misuse or infrastructure failure. Row problems are never exceptions: they are <see cref="ImportIssue"/> values.</summary>
public class ImportException : Exception
{
    /// <summary>Creates an exception.</summary>
    public ImportException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ImportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Thrown by a reader when the file cannot be read; the pipeline turns it into a <c>malformed_file</c> issue.</summary>
public sealed class MalformedFileException : ImportException
{
    /// <summary>Creates an exception.</summary>
    public MalformedFileException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What is wrong with the file and what to do.</param>
    public MalformedFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What is wrong with the file and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public MalformedFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the spreadsheet row where the problem was found, or 0 when it concerns the whole file.</summary>
    public int Row { get; init; }

    /// <summary>
    /// Gets what the reader found out about the file before refusing it, or <see langword="null"/>: for an empty sheet, the
    /// workbook's format and its <see cref="SourceInfo.Sheets"/>, from which a host lets the user choose another sheet
    /// (<see cref="ReaderOptions.Sheet"/>). <see cref="IImportPipeline.InspectAsync"/> returns it as the preview's source.
    /// </summary>
    public SourceInfo? SourceInfo { get; init; }
}

/// <summary>
/// Thrown when an import stopped part-way because its sink (or another part of the host's infrastructure) failed after the
/// import had started. Batches written before the failure stay written: <see cref="Report"/> says what they were, and holds an
/// issue (<see cref="IssueCodes.WriteFailed"/>) naming the first row that was not imported.
/// </summary>
public sealed class ImportInterruptedException : ImportException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="report">What was imported before the failure.</param>
    /// <param name="innerException">The cause.</param>
    public ImportInterruptedException(string message, ImportReport report, Exception innerException)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
    }

    /// <summary>Gets the report of what was done before the failure: its totals count only the rows planned (and, in an execution, written) before it.</summary>
    public ImportReport Report { get; }
}
