using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Xml;
using Import.Sdk.Excel.Resources;

namespace Import.Sdk.Excel.Reading;

/// <summary>
/// Builds the <see cref="MalformedFileException"/>s of the Excel readers, with their localised messages. The text of a
/// parser's exception (XmlReader, ZIP, ExcelDataReader) never reaches the user: <see cref="Describe"/> says in our words which
/// part of the workbook is damaged and how; the parser's exception stays as the inner exception, for the logs.
/// </summary>
internal static class ExcelThrow
{
    [DoesNotReturn]
    public static void Malformed(CultureInfo ui, string messageName, int row = 0) =>
        throw new MalformedFileException(ExcelMessages.Format(ui, messageName)) { Row = row };

    [DoesNotReturn]
    public static void Damaged(CultureInfo ui, string detail, int row = 0) => throw DamagedException(ui, detail, row, null);

    public static MalformedFileException DamagedException(CultureInfo ui, string detail, int row, Exception? inner)
    {
        var message = row > 0
            ? ExcelMessages.Format(ui, ExcelMessages.DamagedAtRow, row, detail)
            : ExcelMessages.Format(ui, ExcelMessages.Damaged, detail);
        return inner is null ? new MalformedFileException(message) { Row = row } : new MalformedFileException(message, inner) { Row = row };
    }

    [DoesNotReturn]
    public static void TooLarge(CultureInfo ui, long limit) =>
        throw new MalformedFileException(ExcelMessages.Format(ui, ExcelMessages.TooLarge, limit));

    [DoesNotReturn]
    public static void TooManySharedStrings(CultureInfo ui, int limit) =>
        throw new MalformedFileException(ExcelMessages.Format(ui, ExcelMessages.TooManySharedStrings, limit));

    [DoesNotReturn]
    public static void TooManySharedStringCharacters(CultureInfo ui, long limit) =>
        throw new MalformedFileException(ExcelMessages.Format(ui, ExcelMessages.TooManySharedStringCharacters, limit));

    /// <summary>Too many cells: thrown without a row, <see cref="Stopped"/> names the first row not read.</summary>
    [DoesNotReturn]
    public static void TooManyCells(CultureInfo ui, long limit) =>
        throw new MalformedFileException(ExcelMessages.Format(ui, ExcelMessages.TooManyCells, limit));

    /// <summary>
    /// Whether an exception thrown by a parser (ZIP, XML, OpenXml, ExcelDataReader, our binary readers) means the file is
    /// damaged. Cancellation and the SDK's own exceptions pass through untouched.
    /// </summary>
    public static bool IsFileDefect(Exception ex) => ex is not (OperationCanceledException or ImportException or OutOfMemoryException);

    /// <summary>
    /// Wraps a parser's exception as a damaged-file error naming <paramref name="part"/> (a description from
    /// <see cref="Part"/>, or <see langword="null"/> for the workbook as a whole); an <see cref="ImportException"/> is returned as is.
    /// </summary>
    public static Exception Wrap(CultureInfo ui, Exception ex, string? part, int row = 0) =>
        ex is ImportException ? ex : DamagedException(ui, Describe(ui, ex, part), row, ex);

    /// <summary>
    /// The error that stops reading a sheet part-way: it names <paramref name="firstRowNotRead"/> (every row before it was
    /// delivered) and says that nothing from that row on was imported.
    /// </summary>
    public static Exception Stopped(CultureInfo ui, Exception ex, string part, int firstRowNotRead)
    {
        switch (ex)
        {
            case MalformedFileException { Row: > 0 }:
                return ex; // already names its row (a damaged cell)
            case MalformedFileException or ImportException:
                return new MalformedFileException(ExcelMessages.Format(ui, ExcelMessages.StoppedAtRow, firstRowNotRead, ex.Message), ex) { Row = firstRowNotRead };
            default:
                return DamagedException(ui, Describe(ui, ex, part), firstRowNotRead, ex);
        }
    }

    /// <summary>Describes a part of the workbook for the messages: <see cref="ExcelMessages.PartSheet"/> and the like.</summary>
    public static string Part(CultureInfo ui, string messageName, params object?[] args) => ExcelMessages.Format(ui, messageName, args);

    /// <summary>Says in our words what a parser's exception means for the user (never the parser's own text).</summary>
    public static string Describe(CultureInfo ui, Exception ex, string? part)
    {
        // no part named: the package as a whole, whose only XML is its list of parts and their relationships
        part ??= ExcelMessages.Format(ui, ex is XmlException ? ExcelMessages.PartPackageIndex : ExcelMessages.PartArchive);
        return ex switch
        {
            // .NET's text advises to set DtdProcessing: the property name is not translated, "DTD" may be
            XmlException x when x.Message.Contains("DtdProcessing", StringComparison.Ordinal) || x.Message.Contains("DTD", StringComparison.Ordinal)
                => ExcelMessages.Format(ui, ExcelMessages.DetailDtd, part),
            XmlException x => ExcelMessages.Format(ui, ExcelMessages.DetailXml, part, x.LineNumber, x.LinePosition),
            WorkbookRecordException => ExcelMessages.Format(ui, ExcelMessages.DetailBinaryRecord, part),
            Packaging.MarkupTooLongException => ExcelMessages.Format(ui, ExcelMessages.DetailMarkupTooLong, part, Packaging.MarkupGuardStream.MaxTagBytes),
            EndOfStreamException => ExcelMessages.Format(ui, ExcelMessages.DetailTruncated, part),
            InvalidDataException => ExcelMessages.Format(ui, ExcelMessages.DetailCompressed, part),
            _ => ExcelMessages.Format(ui, ExcelMessages.DetailUnreadable, part),
        };
    }
}

/// <summary>A binary record (XLSB) that is invalid or cut short; <see cref="ExcelThrow.Describe"/> turns it into a message.</summary>
internal sealed class WorkbookRecordException(string detail) : Exception(detail)
{
    /// <summary>Gets the type of the record cut short, when its header was read whole; otherwise -1.</summary>
    public int RecordType { get; init; } = -1;
}
