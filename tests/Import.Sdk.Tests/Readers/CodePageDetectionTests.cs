using System.Text;
using Import.Sdk.Readers.Csv;
using Import.Sdk.Tests.Support;

namespace Import.Sdk.Tests.Readers;

/// <summary>
/// Files that are not UTF-8: Windows-1252 (Windows exports) or OEM code page 850 (the TXT exports of DOS-era ERPs), told apart by
/// content; an explicit <see cref="ReaderOptions.Encoding"/> always wins.
/// </summary>
public class CodePageDetectionTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
    private static readonly Encoding Oem850 = CodePagesEncodingProvider.Instance.GetEncoding(850)!;
    private static readonly Encoding Oem437 = CodePagesEncodingProvider.Instance.GetEncoding(437)!;

    private static readonly string[][] FrenchCustomers =
    [
        ["Code", "Raison sociale", "Adresse", "Code postal", "Ville", "Contact"],
        ["C001", "Société Générale d'Électricité", "12 rue de la Libération", "94000", "Créteil", "Hélène Bérard"],
        ["C002", "Boulangerie Lefèvre & Fils", "3 place de l'Église", "13100", "Aix-en-Provence", "François Müller"],
        ["C003", "Hôtel du Château", "5 chemin des Pêcheurs", "74400", "Chamonix", "Jérôme Dupré"],
        ["C004", "Crêperie à la Côte", "8 quai Saint-Gilles", "35400", "Saint-Malo", "Noël Leroux"],
        ["C005", "Ébénisterie Mathieu", "22 avenue du Maréchal Foch", "69006", "Lyon", "Zoé Garçon"],
    ];

    [Theory]
    [InlineData("\t")]
    [InlineData(";")]
    public async Task ReadAsync_Cp850FrenchCustomers_DetectsIbm850AndReadsEveryValue(string separator)
    {
        var bytes = Oem850.GetBytes(Lines(separator, FrenchCustomers));

        var preview = await PreviewAsync(bytes);

        Assert.Equal("ibm850", preview.Source.Encoding);
        Assert.Equal(separator, preview.Source.Delimiter);
        AssertTable(FrenchCustomers, preview);
    }

    [Fact]
    public async Task ReadAsync_NonSeekableCp850Stream_DetectsIbm850FromTheHead()
    {
        var bytes = Oem850.GetBytes(Lines("\t", FrenchCustomers));

        var preview = await FilePreview.ReadAsync(ImportSource.FromStream(NonSeekableStream.Of(bytes, chunk: 100), "export.txt"));

        Assert.Equal("ibm850", preview.Source.Encoding);
        AssertTable(FrenchCustomers, preview);
    }

    [Fact]
    public async Task ReadAsync_Cp850UppercaseExport_DetectsIbm850()
    {
        // DOS ERPs often export in capitals: É (0x90) and Ç (0x80) are the evidence, read as U+0090 and € in Windows-1252.
        string[][] table = [["CODE", "NOM", "VILLE"], ["C1", "FRANÇOIS ÉLIE", "CRÉTEIL"], ["C2", "GARÇON", "BESANÇON"]];

        var preview = await PreviewAsync(Oem850.GetBytes(Lines("\t", table)));

        Assert.Equal("ibm850", preview.Source.Encoding);
        AssertTable(table, preview);
    }

    [Fact]
    public async Task ReadAsync_Cp850AccentFarPastTheHead_IsFoundByScanningOn()
    {
        var text = "Code;Raison sociale\r\n" + CsvReaderPreviewTests.AsciiRows(6000) + "C999999;Société Générale\r\nC999998;Crêperie de la Gare\r\n";
        var bytes = Oem850.GetBytes(text);
        Assert.True(Array.IndexOf(bytes, (byte)0x82) > 1 << 16);

        var preview = await PreviewAsync(bytes, rows: 10_000);

        Assert.Equal("ibm850", preview.Source.Encoding);
        Assert.Equal("Société Générale", preview.Rows[^2][1]);
        Assert.Equal("Crêperie de la Gare", preview.Rows[^1][1]);
    }

    [Fact]
    public async Task ReadAsync_Cp850HeadWithoutEvidence_ScansOnToDecide()
    {
        // The head's only accent is "à" alone (0x85, also Windows-1252's "…"): not enough; the rest of the file tells.
        var text = "Code;Note\r\nC0;livrer à 9 h\r\n" + CsvReaderPreviewTests.AsciiRows(6000) + "C999999;Société Générale\r\n";

        var preview = await PreviewAsync(Oem850.GetBytes(text), rows: 10_000);

        Assert.Equal("ibm850", preview.Source.Encoding);
        Assert.Equal("livrer à 9 h", preview.Rows[0][1]);
        Assert.Equal("Société Générale", preview.Rows[^1][1]);
    }

    [Fact]
    public async Task ReadAsync_Cp437FrenchText_ReadsItsLettersAsIbm850()
    {
        // CP437 and CP850 put the French letters at the same bytes: the text reads correctly.
        string[][] table = [["Code", "Nom", "Ville"], ["C1", "Hélène Lefèvre", "Besançon"], ["C2", "Jérôme Dupré", "Nîmes"]];

        var preview = await PreviewAsync(Oem437.GetBytes(Lines("\t", table)));

        Assert.Equal("ibm850", preview.Source.Encoding);
        AssertTable(table, preview);
    }

    [Theory]
    [InlineData("Société Générale")]
    [InlineData("€ 12")]
    [InlineData("12 €")]
    [InlineData("“Générale” – 12 €")]
    [InlineData("Œuvre")]
    [InlineData("“Œuvre”")]
    [InlineData("cœur")]
    [InlineData("N° TVA")]
    [InlineData("Câble “HDMI” 2m – noir")]
    [InlineData("“le client” — voir la note")]
    [InlineData("‘Dupont’ • “Martin”")]
    [InlineData("l’entreprise d’Orléans")]
    [InlineData("etc…")]
    [InlineData("Ça va")]
    [InlineData("Délai")]
    [InlineData("Eléonore;Besançon;Zoë;Nîmes")]
    [InlineData("CRÉTEIL;FRANÇOIS;ÉLIE")]
    [InlineData("Hôtel")]
    public async Task ReadAsync_Windows1252Text_StaysWindows1252(string value)
    {
        var text = "Code;Libellé\r\nC1;" + value + "\r\n";
        var bytes = Windows1252.GetBytes(text);
        Assert.False(System.Text.Unicode.Utf8.IsValid(bytes), "the sample must not be UTF-8");

        var seekable = await PreviewAsync(bytes);
        var nonSeekable = await FilePreview.ReadAsync(ImportSource.FromStream(NonSeekableStream.Of(bytes), "export.csv"));

        Assert.Equal(("windows-1252", "windows-1252"), (seekable.Source.Encoding, nonSeekable.Source.Encoding));
        Assert.Equal(value, string.Join(";", seekable.Rows[0].Skip(1)));
        Assert.Equal(value, string.Join(";", nonSeekable.Rows[0].Skip(1)));
    }

    [Fact]
    public async Task ReadAsync_Windows1252FrenchCustomers_StaysWindows1252()
    {
        var preview = await PreviewAsync(Windows1252.GetBytes(Lines("\t", FrenchCustomers)));

        Assert.Equal("windows-1252", preview.Source.Encoding);
        AssertTable(FrenchCustomers, preview);
    }

    [Fact]
    public async Task ReadAsync_AsciiOnly_IsUtf8()
    {
        var preview = await PreviewAsync(Encoding.ASCII.GetBytes("Code\tNom\r\nC1\tDupont\r\n"));

        Assert.Equal("utf-8", preview.Source.Encoding);
    }

    [Fact]
    public async Task ReadAsync_ShortFileWithOneAmbiguousByte_StaysWindows1252()
    {
        // 0x85 alone between spaces: "à" in CP850, "…" in Windows-1252; no evidence either way.
        var bytes = Windows1252.GetBytes("Code;Note\r\nC1;voir … plus tard\r\n");

        var preview = await PreviewAsync(bytes);

        Assert.Equal("windows-1252", preview.Source.Encoding);
        Assert.Equal("voir … plus tard", preview.Rows[0][1]);
    }

    [Fact]
    public async Task ReadAsync_MostlyUtf8WithOneWindows1252Byte_StaysWindows1252()
    {
        // UTF-8 sequences are not evidence; the one ANSI "é" is.
        var bytes = Encoding.UTF8.GetBytes("Code;Raison sociale\r\nC1;École Générale\r\nC2;Château\r\nC3;").Concat(Windows1252.GetBytes("Société\r\n")).ToArray();

        var preview = await PreviewAsync(bytes);

        Assert.Equal("windows-1252", preview.Source.Encoding);
        Assert.Equal("Société", preview.Rows[2][1]);
    }

    [Fact]
    public async Task ReadAsync_ExplicitEncoding_WinsOverDetection()
    {
        var cp850 = Oem850.GetBytes(Lines("\t", FrenchCustomers));
        var cp1252 = Windows1252.GetBytes(Lines("\t", FrenchCustomers));

        var forced1252 = await PreviewAsync(cp850, options: new ReaderOptions { Encoding = Windows1252 });
        var forced850 = await PreviewAsync(cp1252, options: new ReaderOptions { Encoding = Oem850 });
        var forced437 = await PreviewAsync(cp850, options: new ReaderOptions { Encoding = Oem437 });

        Assert.Equal("windows-1252", forced1252.Source.Encoding);
        Assert.Equal(Windows1252.GetString(Oem850.GetBytes("Créteil")), forced1252.Rows[0][4]); // "Cr‚teil": what was asked for
        Assert.Equal("ibm850", forced850.Source.Encoding);
        Assert.Equal(Oem850.GetString(Windows1252.GetBytes("Créteil")), forced850.Rows[0][4]);
        Assert.Equal("ibm437", forced437.Source.Encoding);
        Assert.Equal("Créteil", forced437.Rows[0][4]);
    }

    [Fact]
    public async Task InspectAsync_Cp850File_ReportsIbm850()
    {
        var pipeline = Some.Pipeline(new InMemorySink());

        var inspection = await pipeline.InspectAsync(new InspectRequest(ImportSource.FromBytes(Oem850.GetBytes(Lines("\t", FrenchCustomers)), "clients.txt")));

        Assert.Equal("ibm850", inspection.Preview.Source.Encoding);
        Assert.Equal("\t", inspection.Preview.Source.Delimiter);
    }

    /// <summary>
    /// Law: French names and addresses, a few words a line, are read in the code page they were written in (CP437 as CP850). Fixed seed; each
    /// line has at least one word with an accent that tells (not only "à" or "où", whose 0x85 and 0x97 are also Windows-1252's
    /// "…" and "—").
    /// </summary>
    [Theory]
    [InlineData(850)]
    [InlineData(437)]
    [InlineData(1252)]
    public void Scorer_RandomFrenchLines_ChooseTheirCodePage(int codePage)
    {
        string[] accented =
        [
            "Société", "Générale", "Créteil", "Hélène", "Bérard", "Lefèvre", "Église", "François", "Hôtel", "Château", "Pêcheurs",
            "Jérôme", "Dupré", "Crêperie", "Côte", "Noël", "Ébénisterie", "Maréchal", "Zoé", "Garçon", "Orléans", "Nîmes", "Besançon",
            "Élodie", "Cédric", "Thérèse", "Mégane", "Sèvres", "Aéroport", "Chênes", "Bruyères", "République", "Prélèvement", "août",
            "déjà", "Gérard", "Valérie", "Stéphane", "Rhône", "Isère", "Ariège", "Béziers", "Forêt", "Île", "Saône", "Ménard",
        ];
        string[] plain = ["rue", "de", "la", "SARL", "SA", "Martin", "Dupont", "Paris", "Lyon", "avenue", "du", "et", "Fils", "à", "où", "12", "BP"];
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage)!;
        var random = new Random(codePage);
        var failures = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            var words = new List<string> { accented[random.Next(accented.Length)] };
            for (var w = random.Next(0, 5); w > 0; w--)
            {
                words.Insert(random.Next(words.Count + 1), random.Next(2) == 0 ? plain[random.Next(plain.Length)] : accented[random.Next(accented.Length)]);
            }

            var line = "C1\t" + string.Join(' ', words) + "\r\n";
            var bytes = encoding.GetBytes(line);
            if (encoding.GetString(bytes) != line)
            {
                continue; // CP437 has no Î: such a line holds no accent at all
            }

            if (TextEncodingDetector.PrefersOem850(bytes) != (codePage != 1252))
            {
                failures.Add(line.TrimEnd());
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData(850)]
    [InlineData(1252)]
    public void Scorer_BytesGivenInPieces_ScoreAsTheWhole(int codePage)
    {
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage)!;
        var bytes = encoding.GetBytes(Lines("\t", FrenchCustomers)).Concat(Encoding.UTF8.GetBytes("C9\tÉcole Générale\r\n")).ToArray();
        var whole = new CodePageScorer();
        whole.Add(bytes);
        whole.EndRun();

        for (var size = 1; size <= 7; size++)
        {
            var pieces = new CodePageScorer();
            foreach (var chunk in bytes.Chunk(size))
            {
                pieces.Add(chunk);
            }

            pieces.EndRun();
            Assert.Equal((whole.ScoredBytes, whole.AnsiScore, whole.OemScore), (pieces.ScoredBytes, pieces.AnsiScore, pieces.OemScore));
        }

        Assert.Equal(codePage == 850, whole.PrefersOem850);
    }

    /// <summary>
    /// Regression: one byte that is not UTF-8 anywhere in a UTF-8 file (a row pasted from an ANSI export, a file cut inside its
    /// last character) made the whole file read as Windows-1252: every accented letter of every row was stored altered
    /// ("Société" as "SociÃ©tÃ©"), without a word. The file is UTF-8 with one stray byte, read as its Windows-1252 character.
    /// </summary>
    [Theory]
    [InlineData("seekable", "pasted")]
    [InlineData("seekable", "cut")]
    [InlineData("stream", "pasted")]
    [InlineData("stream", "cut")]
    public async Task ReadAsync_Utf8FileWithAStrayByte_IsStillReadAsUtf8(string input, string defect)
    {
        var rows = FrenchCustomers.Concat(Enumerable.Range(0, 2000).Select(i => new[] { $"D{i}", "Café Hélène", "rue Émile", "75000", "Paris", "Zoé" })).ToArray();
        var utf8 = Encoding.UTF8.GetBytes(Lines(";", rows));
        byte[] bytes = defect == "pasted"
            ? [.. utf8, .. Encoding.UTF8.GetBytes("X1;"), .. Windows1252.GetBytes("Crêpes"), .. Encoding.UTF8.GetBytes(";a;b;c;d\r\n")] // beyond the head
            : [.. utf8, .. Encoding.UTF8.GetBytes("X1;a;b;c;d;Zo"), .. Encoding.UTF8.GetBytes("é").AsSpan(0, 1)]; // cut inside "é"
        if (input == "stream")
        {
            // the stray byte within the head, which a non-seekable input is judged on
            // (the header replaced is ASCII: as many bytes as characters)
            bytes = [.. Windows1252.GetBytes("Code;Ré;c;d;e;f\r\n"), .. bytes.AsSpan(Lines(";", rows[..1]).Length)];
        }

        var preview = input == "seekable"
            ? await PreviewAsync(bytes, rows: int.MaxValue)
            : await FilePreview.ReadAsync(ImportSource.FromStream(NonSeekableStream.Of(bytes, chunk: 100), "export.txt"), int.MaxValue);

        Assert.Equal("utf-8", preview.Source.Encoding);
        Assert.Equal(input == "stream" ? ["Code", "Ré", "c", "d", "e", "f"] : rows[0], preview.Header);
        for (var i = 1; i < rows.Length; i++)
        {
            Assert.Equal(rows[i], preview.Rows[i - 1]);
        }

        Assert.Equal(defect == "pasted" ? "Crêpes" : "ZoÃ", preview.Rows[^1][defect == "pasted" ? 1 : 5]); // the stray byte alone as Windows-1252
    }

    private static Task<FilePreview> PreviewAsync(byte[] bytes, int rows = 10, ReaderOptions? options = null) =>
        FilePreview.ReadAsync(ImportSource.FromBytes(bytes, "export.txt"), rows, options);

    private static string Lines(string separator, string[][] rows) => string.Concat(rows.Select(r => string.Join(separator, r) + "\r\n"));

    private static void AssertTable(string[][] expected, FilePreview preview)
    {
        Assert.Equal(expected[0], preview.Header);
        Assert.Equal(expected.Length - 1, preview.Rows.Count);
        for (var i = 1; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], preview.Rows[i - 1]);
        }
    }
}
