using System.Text.Json;
using Import.Sdk.Cli.Tests.Support;

namespace Import.Sdk.Cli.Tests.Commands;

/// <summary>Issue 16 item 9: what <c>preview</c> holds and writes is bounded whatever the file.</summary>
public sealed class PreviewBoundsTests : IDisposable
{
    private const int OneMiB = 1 << 20;

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Preview_Json_OneMiBSharedStringIn12000Cells_CutsEachCellAndStopsAtTheBudget()
    {
        _cli.WriteBytes("bomb.xlsx", Workbooks.OneLongSharedString(OneMiB, columns: 60, rows: 200));

        var result = await _cli.RunAsync("preview", "--file", "bomb.xlsx", "--json", "--rows", "200", "--lang", "en");

        Assert.True(result.Exit == 0, result.Err);
        Assert.True(result.Out.Length < 4 * OneMiB, $"{result.Out.Length:N0} characters of JSON");
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(["format", "delimiter", "encoding", "sheet", "header", "rows", "truncated"], root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.True(root.GetProperty("truncated").GetBoolean());
        var rows = root.GetProperty("rows");
        Assert.InRange(rows.GetArrayLength(), 1, 199); // the total budget leaves rows out
        var cell = rows[0][0].GetString()!;
        Assert.Equal(new string('x', FilePreview.MaxCellLength) + "… (1,048,576 characters)", cell);
    }

    [Fact]
    public async Task Preview_Text_OneMiBSharedString_SaysThePreviewWasShortened()
    {
        _cli.WriteBytes("bomb.xlsx", Workbooks.OneLongSharedString(OneMiB, columns: 3, rows: 2));

        var result = await _cli.RunAsync("preview", "--file", "bomb.xlsx", "--lang", "en");

        Assert.True(result.Exit == 0, result.Err);
        Assert.Contains("Preview shortened: a cell over", result.Out);
        Assert.True(result.Out.Length < 64 * 1024, $"{result.Out.Length:N0} characters");
    }

    [Fact]
    public async Task Preview_Json_ShortCells_HasNoTruncatedFlag()
    {
        _cli.WriteBytes("small.xlsx", Workbooks.Sheets(("Data", [["Code", "Nom"], ["C1", new string('y', FilePreview.MaxCellLength)]])));

        var result = await _cli.RunAsync("preview", "--file", "small.xlsx", "--json");

        Assert.True(result.Exit == 0, result.Err);
        using var json = JsonDocument.Parse(result.Out);
        Assert.False(json.RootElement.TryGetProperty("truncated", out _));
        Assert.Equal(FilePreview.MaxCellLength, json.RootElement.GetProperty("rows")[0][1].GetString()!.Length);
    }
}

/// <summary>Issue 16 item 8: <c>preview</c> of a workbook whose first sheet is empty says which sheets hold data and how to choose one.</summary>
public sealed class PreviewEmptySheetTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Preview_FirstSheetEmpty_NamesTheSheetHoldingDataAndTheSheetOption()
    {
        _cli.WriteBytes("book.xlsx", Workbooks.Sheets(("Accueil", []), ("Clients", [["Code", "Nom"], ["C1", "Dupont"]])));

        var refused = await _cli.RunAsync("preview", "--file", "book.xlsx", "--lang", "en");
        var chosen = await _cli.RunAsync("preview", "--file", "book.xlsx", "--sheet", "Clients", "--json");

        Assert.NotEqual(0, refused.Exit);
        Assert.Contains("The sheet 'Accueil' is empty: it has no header row. These sheets hold data: 'Clients'. Choose the sheet to read (on the command line: --sheet 'Clients').", refused.Err);
        Assert.True(chosen.Exit == 0, chosen.Err);
        Assert.Contains("\"Dupont\"", chosen.Out);
    }

    [Fact]
    public async Task Preview_FirstSheetEmpty_InFrench_NamesTheSheetHoldingData()
    {
        _cli.WriteBytes("book.xlsx", Workbooks.Sheets(("Accueil", []), ("Clients", [["Code", "Nom"], ["C1", "Dupont"]])));

        var refused = await _cli.RunAsync("preview", "--file", "book.xlsx", "--lang", "fr");

        Assert.NotEqual(0, refused.Exit);
        Assert.Contains("Ces feuilles contiennent des données : 'Clients'. Choisissez la feuille à lire (en ligne de commande : --sheet 'Clients').", refused.Err);
    }
}
