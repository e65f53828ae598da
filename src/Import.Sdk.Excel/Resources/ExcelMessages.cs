using System.Globalization;
using System.Resources;

namespace Import.Sdk.Excel.Resources;

/// <summary>Messages of the Excel readers in English (neutral) and French, chosen by <see cref="ReaderOptions.UiCulture"/>.</summary>
internal static class ExcelMessages
{
    private static readonly ResourceManager Manager = new("Import.Sdk.Excel.Resources.ExcelMessages", typeof(ExcelMessages).Assembly);

    public const string PasswordProtected = nameof(PasswordProtected);
    public const string AppleNumbers = nameof(AppleNumbers);
    public const string NotAWorkbook = nameof(NotAWorkbook);
    public const string NotAnXlsWorkbook = nameof(NotAnXlsWorkbook);
    public const string Damaged = nameof(Damaged);
    public const string DamagedAtRow = nameof(DamagedAtRow);
    public const string TooLarge = nameof(TooLarge);
    public const string TooManySharedStrings = nameof(TooManySharedStrings);
    public const string TooManyCells = nameof(TooManyCells);
    public const string SheetNotFound = nameof(SheetNotFound);
    public const string NoSheets = nameof(NoSheets);
    public const string EmptySheet = nameof(EmptySheet);
    public const string EmptySheetOthersHoldData = nameof(EmptySheetOthersHoldData);
    public const string SheetPartMissing = nameof(SheetPartMissing);
    public const string CellError = nameof(CellError);
    public const string CellErrors = nameof(CellErrors);
    public const string DuplicateCell = nameof(DuplicateCell);
    public const string SharedStringMissing = nameof(SharedStringMissing);
    public const string HeaderSharedStringMissing = nameof(HeaderSharedStringMissing);
    public const string CellUnread = nameof(CellUnread);
    public const string HeaderCellUnread = nameof(HeaderCellUnread);
    public const string CellGivenTwice = nameof(CellGivenTwice);
    public const string RowTooLong = nameof(RowTooLong);
    public const string HeaderRowTooLong = nameof(HeaderRowTooLong);
    public const string HeaderCellGivenTwice = nameof(HeaderCellGivenTwice);
    public const string HeaderCellTwice = nameof(HeaderCellTwice);
    public const string ColumnOutOfRange = nameof(ColumnOutOfRange);
    public const string RowOutOfRange = nameof(RowOutOfRange);
    public const string StoppedAtRow = nameof(StoppedAtRow);
    public const string TooManySharedStringCharacters = nameof(TooManySharedStringCharacters);
    public const string SharedStringFileFailed = nameof(SharedStringFileFailed);
    public const string CellTooLong = nameof(CellTooLong);
    public const string HeaderCellTooLong = nameof(HeaderCellTooLong);
    public const string MissingSharedString = nameof(MissingSharedString);
    public const string PartSheet = nameof(PartSheet);
    public const string PartSharedStrings = nameof(PartSharedStrings);
    public const string PartWorkbook = nameof(PartWorkbook);
    public const string PartStyles = nameof(PartStyles);
    public const string PartArchive = nameof(PartArchive);
    public const string PartPackageIndex = nameof(PartPackageIndex);
    public const string PartXlsFile = nameof(PartXlsFile);
    public const string DetailDtd = nameof(DetailDtd);
    public const string DetailXml = nameof(DetailXml);
    public const string DetailCompressed = nameof(DetailCompressed);
    public const string DetailTruncated = nameof(DetailTruncated);

    /// <summary>An XLS workbook's shared-string table cannot be read.</summary>
    public const string DetailSharedStrings = nameof(DetailSharedStrings);
    public const string DetailBinaryRecord = nameof(DetailBinaryRecord);
    public const string DetailMarkupTooLong = nameof(DetailMarkupTooLong);
    public const string DetailUnreadable = nameof(DetailUnreadable);
    public const string DuplicatePart = nameof(DuplicatePart);

    public static string Format(CultureInfo uiCulture, string name, params object?[] args)
    {
        var template = Manager.GetString(name, uiCulture) ?? name;
        return string.Format(uiCulture, template, args);
    }
}
