using System.Globalization;
using Import.Sdk.Excel;

namespace Import.Sdk.Excel.Tests.Support;

/// <summary>Everything a reader gave for a file: the source info, the header and every row with its number and problem.</summary>
internal sealed record SheetContent(SourceInfo Info, IReadOnlyList<string> Header, int HeaderRow, IReadOnlyList<SheetRow> Rows)
{
    public SheetRow Row(int number) =>
        Rows.SingleOrDefault(r => r.Number == number) ?? throw new Xunit.Sdk.XunitException($"No data row {number}; rows are {string.Join(",", Rows.Select(r => r.Number))}.");

    /// <summary>A cell by A1 reference; the header row counts too.</summary>
    public string Cell(string reference)
    {
        var letters = new string(reference.TakeWhile(char.IsLetter).ToArray());
        var number = int.Parse(reference[letters.Length..], CultureInfo.InvariantCulture);
        var column = 0;
        foreach (var c in letters.ToUpperInvariant())
        {
            column = (column * 26) + (c - 'A' + 1);
        }

        column--;
        if (number == HeaderRow)
        {
            return column < Header.Count ? Header[column] : string.Empty;
        }

        var row = Row(number);
        return column < row.Cells.Count ? row.Cells[column] : string.Empty;
    }

    /// <summary>Reads a whole file through the Excel providers (detected by content, as the core registry does), CSV last.</summary>
    /// <remarks>An XLS workbook is also read through both XLS paths, which must agree (<see cref="XlsPaths"/>), unless <paramref name="compareXlsPaths"/> is false.</remarks>
    public static async Task<SheetContent> ReadAsync(byte[] content, string name, ReaderOptions? options = null, ExcelReaderOptions? limits = null, bool compareXlsPaths = true)
    {
        options ??= new ReaderOptions { UiCulture = CultureInfo.GetCultureInfo("en-US") };
        var head = content.AsSpan(0, Math.Min(content.Length, 1 << 16)).ToArray();
        var provider = ExcelReaders.Create(limits).FirstOrDefault(p => p.CanRead(head, name));
        if (provider is null)
        {
            // not a workbook: the core registry (CSV last) reads it
            var preview = await FilePreview.ReadAsync(ImportSource.FromBytes(content, name), int.MaxValue, options, ExcelReaders.Create(limits));
            var csvRows = preview.Rows.Select((r, i) => new SheetRow(preview.RowNumbers[i], r, null)).ToArray();
            return new SheetContent(preview.Source, preview.Header, 1, csvRows);
        }

        if (compareXlsPaths && provider.Format == "xls")
        {
            await XlsPaths.AssertSameAsync(content, options, limits);
        }

        var reader = await provider.OpenAsync(new MemoryStream(content, writable: false), content.Length, options);
        await using (reader)
        {
            var headerRow = reader.RowNumber;
            var rows = new List<SheetRow>();
            while (await reader.ReadAsync())
            {
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader.GetString(i);
                }

                rows.Add(new SheetRow(reader.RowNumber, cells, reader.RowProblem?.Message, reader.RowProblem));
            }

            return new SheetContent(reader.Info, reader.Header, headerRow, rows);
        }
    }

    public static Task<SheetContent> ReadFileAsync(string path, ReaderOptions? options = null, ExcelReaderOptions? limits = null) =>
        ReadAsync(System.IO.File.ReadAllBytes(path), Path.GetFileName(path), options, limits);
}

/// <summary>A data row: its sheet row number, its cells as text, and the problem the reader found in it.</summary>
internal sealed record SheetRow(int Number, IReadOnlyList<string> Cells, string? Problem, ReadProblem? Detail = null);
