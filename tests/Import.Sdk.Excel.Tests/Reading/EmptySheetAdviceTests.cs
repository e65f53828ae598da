using System.Globalization;
using Import.Sdk.Excel.Tests.Support;
using static Import.Sdk.Excel.Tests.Support.XCell;

namespace Import.Sdk.Excel.Tests.Reading;

/// <summary>Issue 16 item 8: an empty sheet's message names the other sheets holding data and says how to choose one.</summary>
public class EmptySheetAdviceTests
{
    private static XlsxBuilder FirstSheetEmpty() => new XlsxBuilder()
        .Sheet("Vide", s => s.Row(1, Blank()).Row(3))
        .Sheet("Clients", s => s.Row(1, Text("Code")).Row(2, Text("C1")))
        .Sheet("Notes", s => s.Row(2))
        .Sheet("Factures", s => s.Row(5, Text("Numéro")));

    [Fact]
    public async Task ReadAsync_FirstSheetEmptyOthersHoldData_NamesThemAndHowToChooseOne()
    {
        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => ReadAsync(FirstSheetEmpty(), null, "en-US"));

        Assert.Equal(
            "The sheet 'Vide' is empty: it has no header row. These sheets hold data: 'Clients', 'Factures'. Choose the sheet to read (on the command line: --sheet 'Clients').",
            ex.Message);
    }

    [Fact]
    public async Task ReadAsync_EmptySheetChosenByName_InFrench_NamesTheOthers()
    {
        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => ReadAsync(FirstSheetEmpty(), "Notes", "fr-FR"));

        Assert.Equal(
            "La feuille « Notes » est vide : elle n'a pas de ligne d'en-tête. Ces feuilles contiennent des données : 'Clients', 'Factures'. Choisissez la feuille à lire (en ligne de commande : --sheet 'Clients').",
            ex.Message);
    }

    [Fact]
    public async Task ReadAsync_EmptySheetChosenByName_TheSuggestedSheetReads()
    {
        var data = await ReadAsync(FirstSheetEmpty(), "Clients", "en-US");

        Assert.Equal(["Code"], data.Header);
    }

    [Fact]
    public async Task ReadAsync_EverySheetEmpty_KeepsTheShortMessage()
    {
        var book = new XlsxBuilder().Sheet("Vide", s => s.Row(1, Blank())).Sheet("Autre", s => s.Row(4));

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => ReadAsync(book, null, "en-US"));

        Assert.Equal("The sheet 'Vide' is empty: it has no header row.", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_DataPastTheProbedRows_IsNotLookedFor()
    {
        // bounded: each other sheet is read for at most SheetChooser.ProbeRows rows
        var book = new XlsxBuilder()
            .Sheet("Vide", s => s.Row(1, Blank()))
            .Sheet("Loin", s =>
            {
                for (uint r = 1; r <= 1000; r++)
                {
                    s.Row(r);
                }

                s.Row(1001, Text("Code"));
            });

        var ex = await Assert.ThrowsAsync<MalformedFileException>(() => ReadAsync(book, null, "en-US"));

        Assert.Equal("The sheet 'Vide' is empty: it has no header row.", ex.Message);
    }

    [Fact]
    public async Task InspectAsync_FirstSheetEmpty_GivesTheProblemAndTheSheetsToChooseFrom()
    {
        var pipeline = new ImportPipelineBuilder()
            .UseEntity(new ImportEntity(EntitySchema.Create("customers").Field("code", FieldType.Text, f => f.Label("Code", "Code").Required()).Key("code").Build()))
            .UseSink(new InMemorySink())
            .UseOptions(o => o with { UiCulture = CultureInfo.GetCultureInfo("en-US") })
            .UseExcelReaders()
            .Build();

        var inspection = await pipeline.InspectAsync(new InspectRequest(ImportSource.FromBytes(FirstSheetEmpty().Build(), "book.xlsx")));

        Assert.Equal(
            "The sheet 'Vide' is empty: it has no header row. These sheets hold data: 'Clients', 'Factures'. Choose the sheet to read (on the command line: --sheet 'Clients').",
            inspection.Problem);
        Assert.Equal(("xlsx", "Vide"), (inspection.Preview.Source.Format, inspection.Preview.Source.Sheet));
        Assert.Equal(["Vide", "Clients", "Notes", "Factures"], inspection.Preview.Source.Sheets);
    }

    private static Task<SheetContent> ReadAsync(XlsxBuilder book, string? sheet, string culture) =>
        SheetContent.ReadAsync(book.Build(), "book.xlsx", new ReaderOptions { Sheet = sheet, UiCulture = CultureInfo.GetCultureInfo(culture) });
}
