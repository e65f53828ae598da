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
    public const string SheetPartMissing = nameof(SheetPartMissing);
    public const string CellError = nameof(CellError);
    public const string CellErrors = nameof(CellErrors);
    public const string ColumnOutOfRange = nameof(ColumnOutOfRange);

    public static string Format(CultureInfo uiCulture, string name, params object?[] args)
    {
        var template = Manager.GetString(name, uiCulture) ?? name;
        return string.Format(uiCulture, template, args);
    }
}
