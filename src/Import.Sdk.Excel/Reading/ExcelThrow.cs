using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Import.Sdk.Excel.Resources;

namespace Import.Sdk.Excel.Reading;

/// <summary>Builds the <see cref="MalformedFileException"/>s of the Excel readers, with their localised messages.</summary>
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
    public static void TooManyCells(CultureInfo ui, long limit, int row) =>
        throw new MalformedFileException(ExcelMessages.Format(ui, ExcelMessages.TooManyCells, limit)) { Row = row };

    /// <summary>
    /// Whether an exception thrown by a parser (ZIP, XML, OpenXml, ExcelDataReader, our binary readers) means the file is
    /// damaged. Cancellation and the SDK's own exceptions pass through untouched.
    /// </summary>
    public static bool IsFileDefect(Exception ex) => ex is not (OperationCanceledException or ImportException or OutOfMemoryException);

    /// <summary>Wraps a parser's exception as a damaged-file error (an <see cref="ImportException"/> is returned as is).</summary>
    public static Exception Wrap(CultureInfo ui, Exception ex, int row = 0) =>
        ex is ImportException ? ex : DamagedException(ui, ex.Message.TrimEnd('.'), row, ex);
}
