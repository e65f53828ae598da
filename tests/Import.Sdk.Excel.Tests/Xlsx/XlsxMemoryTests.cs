using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Import.Sdk.Excel.Tests.Xlsx;

/// <summary>The XLSX reader streams: the memory it holds does not grow with the number of rows (not a timing test).</summary>
/// <remarks>Runs alone (<see cref="MemoryCollection"/>): other tests allocating at the same time would blur the heap size.</remarks>
[Collection(MemoryCollection.Name)]
public class XlsxMemoryTests
{
    private const int Rows = 200_000;

    [Fact]
    public async Task ReadAsync_200kRows_MemoryAfterAllRowsStaysWithinAFewMiBOfMemoryAtHalfway()
    {
        var path = Path.Combine(Path.GetTempPath(), "import-sdk-memory-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            WriteLargeWorkbook(path);
            var provider = ExcelReaders.Create().First(p => p.Format == "xlsx");
            await using var reader = await provider.OpenAsync(File.OpenRead(path), new FileInfo(path).Length, new ReaderOptions());

            long halfway = 0;
            var count = 0;
            var last = string.Empty;
            while (await reader.ReadAsync())
            {
                last = reader.GetString(0);
                if (++count == Rows / 2)
                {
                    halfway = GC.GetTotalMemory(forceFullCollection: true);
                }
            }

            var end = GC.GetTotalMemory(forceFullCollection: true);

            Assert.Equal(Rows, count);
            Assert.Equal(("C" + Rows.ToString(CultureInfo.InvariantCulture), Rows + 1), (last, reader.RowNumber));
            Assert.True(Math.Abs(end - halfway) < 4L << 20, $"memory at halfway {halfway:N0} bytes, at the end {end:N0} bytes");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Writes the sheet with the OpenXml SAX writer (the DOM would hold 200k rows in memory).</summary>
    private static void WriteLargeWorkbook(string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var strings = workbookPart.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text("Paris")), new SharedStringItem(new Text("Lyon")));
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
            new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
        workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Data" }));

        using var writer = OpenXmlWriter.Create(sheetPart);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Code")) });
        for (var r = 1; r <= Rows; r++)
        {
            var number = (uint)r + 1;
            WriteRow(
                writer,
                number,
                new Cell { CellReference = "A" + number.ToString(CultureInfo.InvariantCulture), DataType = CellValues.InlineString, InlineString = new InlineString(new Text("C" + r.ToString(CultureInfo.InvariantCulture))) },
                new Cell { CellReference = "B" + number.ToString(CultureInfo.InvariantCulture), DataType = CellValues.SharedString, CellValue = new CellValue(r % 2) },
                new Cell { CellReference = "C" + number.ToString(CultureInfo.InvariantCulture), CellValue = new CellValue(r * 1.25) },
                new Cell { CellReference = "D" + number.ToString(CultureInfo.InvariantCulture), StyleIndex = 1, CellValue = new CellValue(40000 + (r % 1000)) });
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, uint number, params Cell[] cells)
    {
        writer.WriteStartElement(new Row { RowIndex = number });
        foreach (var cell in cells)
        {
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }
}

/// <summary>Tests that measure the managed heap and so must not run beside others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryCollection
{
    public const string Name = "Memory measurements";
}
