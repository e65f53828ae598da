using System.Globalization;
using System.Text;
using Import.Sdk.Excel.Reading;
using Import.Sdk.Excel.Xls;

namespace Import.Sdk.Excel.Tests.Support;

/// <summary>
/// The two XLS paths side by side: our own BIFF8 reader (<see cref="Biff8Workbook"/>) and ExcelDataReader with the record
/// pass (forced with <see cref="XlsReaderProvider.OwnBiff8Reader"/> = false). <see cref="AssertSameAsync"/> reads every sheet of
/// a workbook through both and compares what a user sees: the sheets, headers, rows, row numbers, cell texts, row problems,
/// and the error of a sheet that cannot be read.
/// </summary>
internal static class XlsPaths
{
    public static async Task AssertSameAsync(byte[] content, ReaderOptions? options = null, ExcelReaderOptions? limits = null)
    {
        options ??= new ReaderOptions { UiCulture = CultureInfo.GetCultureInfo("en-US") };
        var edr = await DumpAsync(content, options, limits, own: false);
        var own = await DumpAsync(content, options, limits, own: true);
        Assert.Equal(edr, own);
    }

    /// <summary>Whether the workbook's chosen sheet is read by our own BIFF8 reader.</summary>
    public static async Task<bool> IsOwnPathAsync(byte[] content, ReaderOptions? options = null, ExcelReaderOptions? limits = null)
    {
        var provider = new XlsReaderProvider(limits ?? new ExcelReaderOptions());
        var reader = await provider.OpenAsync(new MemoryStream(content, writable: false), content.Length, options ?? new ReaderOptions());
        await using (reader)
        {
            return ((WorkbookTabularReader)reader).Source is Biff8RowSource;
        }
    }

    /// <summary>Everything both paths must agree on, as text: the chosen sheet, then each sheet by name.</summary>
    public static async Task<string> DumpAsync(byte[] content, ReaderOptions options, ExcelReaderOptions? limits, bool own)
    {
        var text = new StringBuilder();
        var sheets = await DumpSheetAsync(content, options, limits, own, text);
        foreach (var sheet in sheets)
        {
            text.Append("== sheet ").AppendLine(sheet);
            await DumpSheetAsync(content, options with { Sheet = sheet }, limits, own, text);
        }

        return text.ToString();
    }

    private static async Task<IReadOnlyList<string>> DumpSheetAsync(byte[] content, ReaderOptions options, ExcelReaderOptions? limits, bool own, StringBuilder text)
    {
        var provider = new XlsReaderProvider(limits ?? new ExcelReaderOptions()) { OwnBiff8Reader = own };
        try
        {
            var reader = await provider.OpenAsync(new MemoryStream(content, writable: false), content.Length, options);
            await using (reader)
            {
                text.Append(CultureInfo.InvariantCulture, $"{reader.Info.Format} '{reader.Info.Sheet}' [{string.Join("|", reader.Info.Sheets ?? [])}] header row {reader.RowNumber}: {Join(reader.Header)}").AppendLine();
                while (await reader.ReadAsync())
                {
                    var cells = new string[reader.FieldCount];
                    for (var i = 0; i < cells.Length; i++)
                    {
                        cells[i] = reader.GetString(i);
                    }

                    text.Append(CultureInfo.InvariantCulture, $"{reader.RowNumber}: {Join(cells)}");
                    if (reader.RowProblem is { } problem)
                    {
                        text.Append(CultureInfo.InvariantCulture, $" !! {problem.Code} col {problem.Column} value '{problem.Value}' cols [{string.Join(",", problem.Columns ?? [])}] {problem.Message}");
                    }

                    text.AppendLine();
                }

                return reader.Info.Sheets ?? [];
            }
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            text.Append(CultureInfo.InvariantCulture, $"error {ex.GetType().Name}: {ex.Message}").AppendLine();
            return (ex as MalformedFileException)?.SourceInfo?.Sheets ?? [];
        }
    }

    private static string Join(IEnumerable<string> cells) => string.Join("\u241F", cells.Select(c => c.Replace("\n", "\\n", StringComparison.Ordinal)));
}
