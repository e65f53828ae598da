using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Import.Sdk.Excel.Tests.Templates;

/// <summary>The XLSX template: read back by our reader, typed example cells, column formats, drop-down lists, imports cleanly.</summary>
public class ExcelTemplateTests
{
    private static readonly string[] LongValues = [.. Enumerable.Range(1, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $"CATEGORIE_{i:D2}"))];

    private static readonly EntitySchema Customers = EntitySchema.Create("customers")
        .Label("clients", "customers")
        .Field("code", FieldType.Text, f => f.Label("Code client", "Customer code").Required())
        .Field("name", FieldType.Text, f => f.Label("Raison sociale", "Company name").Required().MaxLength(60))
        .Field("postal_code", FieldType.Text, f => f.Label("Code postal", "Postal code"))
        .Field("siren", FieldType.Text, f => f.Label("SIREN", "SIREN"))
        .Field("credit_limit", FieldType.Decimal, f => f.Label("Limite de crédit", "Credit limit"))
        .Field("payment_terms_days", FieldType.Integer, f => f.Label("Délai de paiement (jours)", "Payment terms (days)"))
        .Field("since", FieldType.Date, f => f.Label("Client depuis", "Customer since"))
        .Field("active", FieldType.Boolean, f => f.Label("Actif", "Active"))
        .Field("payment_method", FieldType.Enum, f => f.Label("Mode de règlement", "Payment method").Values("VIREMENT", "CHEQUE", "PRELEVEMENT", "CB").Aliases("CB", "carte"))
        .Field("category", FieldType.Enum, f => f.Label("Catégorie", "Category").Values(LongValues))
        .Field("email", FieldType.Email, f => f.Label("E-mail", "E-mail"))
        .Field("parent_code", FieldType.Text, f => f.Label("Code maison mère", "Parent code"))
        .Key("code")
        .Build();

    private static readonly string?[] Example =
        ["CLI0001", "Exemple SARL", "01000", "012345678", "1 234,56", "30", "31/01/2025", "oui", "VIREMENT", "CATEGORIE_07", "contact@exemple.fr", null];

    private static async Task<byte[]> WriteAsync(EntitySchema schema, IReadOnlyList<string?>? example)
    {
        using var stream = new MemoryStream();
        await ExcelTemplate.WriteAsync(schema, stream, example);
        return stream.ToArray();
    }

    private static SpreadsheetDocument Open(byte[] bytes) => SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);

    private static WorksheetPart SheetPart(SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!);
    }

    private static string? NumberFormatOf(SpreadsheetDocument document, uint styleIndex)
    {
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)styleIndex);
        var id = format.NumberFormatId!.Value;
        return id switch
        {
            0 => "General",
            1 => "0",
            49 => "@",
            _ => stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == id).FormatCode!.Value,
        };
    }

    [Fact]
    public async Task WriteAsync_ReadBackByTheXlsxReader_GivesTheHeaderAndTheExampleRow()
    {
        var bytes = await WriteAsync(Customers, Example);

        var preview = await FilePreview.ReadAsync(ImportSource.FromBytes(bytes, "modele.xlsx"), 10, providers: ExcelReaders.Create());

        Assert.Equal(("xlsx", "clients"), (preview.Source.Format, preview.Source.Sheet));
        Assert.Equal(["clients", "Listes"], preview.Source.Sheets);
        Assert.Equal(Customers.Fields.Select(f => f.LabelFr), preview.Header);
        var row = Assert.Single(preview.Rows);
        Assert.Equal(2, Assert.Single(preview.RowNumbers));
        Assert.Equal(
            ["CLI0001", "Exemple SARL", "01000", "012345678", "1234.56", "30", "2025-01-31", "oui", "VIREMENT", "CATEGORIE_07", "contact@exemple.fr", string.Empty],
            row);
    }

    [Fact]
    public async Task WriteAsync_Workbook_IsValidAgainstTheOfficeSchemas()
    {
        using var document = Open(await WriteAsync(Customers, Example));

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task WriteAsync_ExampleCells_AreTypedAndColumnsCarryTheirFormat()
    {
        using var document = Open(await WriteAsync(Customers, Example));
        var worksheet = SheetPart(document, "clients").Worksheet;
        var cells = worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);

        // numbers and dates as numbers, with their formats
        Assert.Null(cells["E2"].DataType);
        Assert.Equal("1234.56", cells["E2"].CellValue!.Text);
        Assert.Equal("#,##0.00", NumberFormatOf(document, cells["E2"].StyleIndex!));
        Assert.Null(cells["F2"].DataType);
        Assert.Equal("30", cells["F2"].CellValue!.Text);
        Assert.Equal("0", NumberFormatOf(document, cells["F2"].StyleIndex!));
        Assert.Null(cells["G2"].DataType);
        Assert.Equal(new DateTime(2025, 1, 31).ToOADate().ToString(CultureInfo.InvariantCulture), cells["G2"].CellValue!.Text);
        Assert.Equal("dd/mm/yyyy", NumberFormatOf(document, cells["G2"].StyleIndex!));

        // identifiers and other texts as text cells in the text format
        foreach (var reference in new[] { "A2", "C2", "D2", "H2", "I2" })
        {
            Assert.Equal(CellValues.SharedString, cells[reference].DataType!.Value);
            Assert.Equal("@", NumberFormatOf(document, cells[reference].StyleIndex!));
        }

        Assert.False(cells.ContainsKey("L2")); // empty example: no cell

        // the whole column carries the format
        var columns = worksheet.GetFirstChild<Columns>()!.Elements<Column>().ToList();
        Assert.Equal(Customers.Fields.Count, columns.Count);
        Assert.Equal(["@", "@", "@", "@", "#,##0.00", "0", "dd/mm/yyyy", "@", "@", "@", "@", "@"], columns.Select(c => NumberFormatOf(document, c.Style!)));
        Assert.All(columns, c => Assert.True(c.CustomWidth! && c.Width! >= 10));
        Assert.True(columns[9].Width! > columns[0].Width!); // sized to the longest value

        // header: bold, frozen
        var headerFormat = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cells["A1"].StyleIndex!.Value);
        var font = document.WorkbookPart.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)headerFormat.FontId!.Value);
        Assert.NotNull(font.Bold);
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal((1d, "A2", PaneStateValues.Frozen), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value, pane.State!.Value));
    }

    [Fact]
    public async Task WriteAsync_EnumAndBooleanFields_HaveADropDownListOfTheirValues()
    {
        using var document = Open(await WriteAsync(Customers, Example));
        var validations = SheetPart(document, "clients").Worksheet.Descendants<DataValidation>().ToDictionary(v => v.SequenceOfReferences!.InnerText!);

        Assert.Equal(3, validations.Count);
        Assert.All(validations.Values, v => Assert.Equal(DataValidationValues.List, v.Type!.Value));
        Assert.Equal("\"oui,non\"", validations["H2:H1048576"].Formula1!.Text);
        Assert.Equal("\"VIREMENT,CHEQUE,PRELEVEMENT,CB\"", validations["I2:I1048576"].Formula1!.Text);

        // 40 values × 13 characters exceed Excel's 255 inline characters: on the hidden sheet
        Assert.True(string.Join(',', LongValues).Length > 255);
        Assert.Equal("Listes!$A$2:$A$41", validations["J2:J1048576"].Formula1!.Text);
        var lists = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Listes");
        Assert.Equal(SheetStateValues.Hidden, lists.State!.Value);

        var listed = await FilePreview.ReadAsync(
            ImportSource.FromBytes(await WriteAsync(Customers, Example), "modele.xlsx"), 100, new ReaderOptions { Sheet = "Listes" }, ExcelReaders.Create());
        Assert.Equal(["Catégorie"], listed.Header);
        Assert.Equal(LongValues, listed.Rows.Select(r => r[0]));
    }

    [Fact]
    public async Task WriteAsync_ValuesWithCommas_GoToTheListsSheet()
    {
        var schema = EntitySchema.Create("modes")
            .Field("code", FieldType.Text, f => f.Label("Code", "Code"))
            .Field("terms", FieldType.Enum, f => f.Label("Conditions", "Terms").Values("30 jours, fin de mois", "comptant"))
            .Key("code")
            .Build();

        using var document = Open(await WriteAsync(schema, null));

        var validation = SheetPart(document, "modes").Worksheet.Descendants<DataValidation>().Single();
        Assert.Equal("B2:B1048576", validation.SequenceOfReferences!.InnerText);
        Assert.Equal("Listes!$A$2:$A$3", validation.Formula1!.Text);
        Assert.Equal(["modes", "Listes"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public async Task WriteAsync_FilledInTemplate_ImportsCleanlyWithTypedValues()
    {
        var sink = new InMemorySink();
        var pipeline = new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(Customers))
            .UseSink(sink)
            .UseExcelReaders()
            .Build();

        var report = await pipeline.ExecuteAsync(new ImportRequest(ImportSource.FromBytes(await WriteAsync(Customers, Example), "modele.xlsx")));

        Assert.True(new ImportTotals(1, 1, 0, 0, 0) == report.Totals, string.Join(" | ", report.Issues.Select(i => $"{i.Row} {i.Code} {i.Message}")));
        Assert.DoesNotContain(report.Issues, i => i.Severity == IssueSeverity.Error);
        var record = Assert.Single(sink.GetRecords("customers"));
        Assert.Equal("01000", record[Customers["postal_code"].Index]);
        Assert.Equal("012345678", record[Customers["siren"].Index]);
        Assert.Equal(1234.56m, record[Customers["credit_limit"].Index]);
        Assert.Equal(30L, record[Customers["payment_terms_days"].Index]);
        Assert.Equal(new DateOnly(2025, 1, 31), record[Customers["since"].Index]);
        Assert.Equal(true, record[Customers["active"].Index]);
        Assert.Equal("VIREMENT", record[Customers["payment_method"].Index]);
        Assert.Equal("CATEGORIE_07", record[Customers["category"].Index]);
    }

    [Fact]
    public async Task WriteAsync_WithoutExample_WritesTheHeaderOnly()
    {
        var bytes = await WriteAsync(Customers, null);

        var preview = await FilePreview.ReadAsync(ImportSource.FromBytes(bytes, "modele.xlsx"), 10, providers: ExcelReaders.Create());

        Assert.Equal(Customers.Fields.Select(f => f.LabelFr), preview.Header);
        Assert.Empty(preview.Rows);
    }

    [Theory]
    [InlineData("1234.56", "1234.56")]
    [InlineData("-1 234,5", "-1234.5")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("12,00", "12")]
    [InlineData("1.234.567", "1234567")]
    [InlineData("beaucoup", "beaucoup")]
    public async Task WriteAsync_DecimalExamples_InFrenchOrInvariantNotation_BecomeNumbers(string example, string expected)
    {
        var schema = EntitySchema.Create("amounts")
            .Field("amount", FieldType.Decimal, f => f.Label("Montant", "Amount"))
            .Key("amount")
            .Build();

        var preview = await FilePreview.ReadAsync(ImportSource.FromBytes(await WriteAsync(schema, [example]), "m.xlsx"), 10, providers: ExcelReaders.Create());

        Assert.Equal(expected, Assert.Single(Assert.Single(preview.Rows)));
    }

    [Fact]
    public async Task WriteAsync_SheetName_IsTheFrenchLabelMadeValid()
    {
        var schema = EntitySchema.Create("docs")
            .Label("Documents de vente [entêtes/lignes] : modèle complet", "Sales documents")
            .Field("code", FieldType.Text, f => f.Label("Code", "Code"))
            .Key("code")
            .Build();

        var preview = await FilePreview.ReadAsync(ImportSource.FromBytes(await WriteAsync(schema, null), "m.xlsx"), 10, providers: ExcelReaders.Create());

        Assert.Equal("Documents de vente entêtesligne", preview.Source.Sheet);
    }

    [Fact]
    public async Task WriteAsync_ExampleRowOfTheWrongLength_Throws()
    {
        using var stream = new MemoryStream();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ExcelTemplate.WriteAsync(Customers, stream, ["only one"]));

        Assert.Equal("exampleRow", error.ParamName);
        Assert.Equal(0, stream.Length);
        await Assert.ThrowsAsync<ArgumentNullException>(() => ExcelTemplate.WriteAsync(null!, stream));
        await Assert.ThrowsAsync<ArgumentNullException>(() => ExcelTemplate.WriteAsync(Customers, null!));
    }

    [Fact]
    public async Task WriteAsync_Cancelled_WritesNothing()
    {
        using var stream = new MemoryStream();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ExcelTemplate.WriteAsync(Customers, stream, Example, new CancellationToken(canceled: true)));

        Assert.Equal(0, stream.Length);
    }
}
