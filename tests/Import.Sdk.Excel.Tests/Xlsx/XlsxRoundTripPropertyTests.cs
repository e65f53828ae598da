using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Import.Sdk.Excel.Tests.Support;

namespace Import.Sdk.Excel.Tests.Xlsx;

/// <summary>
/// Law: any table of typed values written as XLSX by the OpenXml DOM writer (as Excel writes it: shared or inline strings,
/// _xHHHH_ escapes, xml:space="preserve") reads back cell for cell: text exactly, numbers as invariant round-trip text,
/// dates as ISO 8601, booleans TRUE/FALSE, empty cells empty; all-empty rows skipped, row numbers kept.
/// </summary>
public class XlsxRoundTripPropertyTests
{
    private static readonly ReaderOptions English = new() { UiCulture = CultureInfo.GetCultureInfo("en-US") };

    private static Gen<char> XmlChar =>
        Gen.Frequency(
            (6, Gen.Choose(0x20, 0x7E).Select(c => (char)c)),
            (2, Gen.Choose(0, 0x1F).Select(c => (char)c)),
            (2, Gen.Choose(0xA0, 0xD7FF).Select(c => (char)c)),
            (1, Gen.Choose(0xE000, 0xFFFD).Select(c => (char)c)),
            (1, Gen.Elements('_', 'x', '0', 'D', ' ', '\r', '\n', '\t')));

    private static Gen<string> Texts =>
        Gen.Frequency(
            (8, XmlChar.ArrayOf().Select(chars => new string(chars))),
            (1, Gen.Elements("_x0041_", "_x000D_", "a_x005F_b", "  lead", "trail  ", " ", "🍣 sushi", "\r\n")),
            (1, Gen.Choose(0x10000, 0x10FFFF).Select(cp => char.ConvertFromUtf32(cp))));

    private static Gen<double> Doubles =>
        Gen.Frequency(
            (4, ArbMap.Default.GeneratorFor<double>().Where(d => double.IsFinite(d))),
            (3, Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 100.0)),
            (1, Gen.Elements(0.1 + 0.2, 1e-5, 1e15, 1e21, -1e-21, 123456789012345678, double.Epsilon, double.MaxValue, -0.0)));

    private static Gen<DateTime> Dates =>
        from day in Gen.Choose(0, (int)(new DateTime(9999, 12, 31) - new DateTime(1900, 3, 1)).TotalDays)
        from second in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(0, 86_399)))
        select new DateTime(1900, 3, 1).AddDays(day).AddSeconds(second);

    private static Gen<Value> Values =>
        Gen.Frequency(
            (3, Texts.Select(t => (Value)new TextValue(t, Inline: t.Length % 2 == 0))),
            (3, Doubles.Select(d => (Value)new NumberValue(d))),
            (2, Dates.Select(d => (Value)new DateValue(d))),
            (1, ArbMap.Default.GeneratorFor<bool>().Select(b => (Value)new BoolValue(b))),
            (2, Gen.Constant((Value)new EmptyValue())));

    private static Arbitrary<Value[][]> Tables =>
        (from columns in Gen.Choose(1, 6)
         from rows in Values.ArrayOf(columns).ArrayOf()
         select rows).ToArbitrary();

    [Property(MaxTest = 100)]
    public Property ReadAsync_AnyTableOfTypedValues_ReadsBackCellForCell() =>
        Prop.ForAll(Tables, table =>
        {
            var columns = table.Length == 0 ? 1 : table[0].Length;
            var book = new XlsxBuilder().Sheet("Data", s =>
            {
                s.Row(1, [.. Enumerable.Range(0, columns).Select(c => XCell.Text("c" + c.ToString(CultureInfo.InvariantCulture)))]);
                for (var r = 0; r < table.Length; r++)
                {
                    var cells = table[r].Select((v, c) => v.ToCell()?.At(c)).Where(c => c is not null).Select(c => c!).ToArray();
                    s.Row((uint)r + 2, cells);
                }
            });

            var data = SheetContent.ReadAsync(book.Build(), "table.xlsx", English).GetAwaiter().GetResult();

            var expectedRows = table.Select((row, r) => (row, number: r + 2)).Where(x => x.row.Any(v => !v.IsEmpty)).ToArray();
            if (!data.Rows.Select(r => r.Number).SequenceEqual(expectedRows.Select(x => x.number)))
            {
                return false.Label($"rows {string.Join(",", data.Rows.Select(r => r.Number))}, expected {string.Join(",", expectedRows.Select(x => x.number))}");
            }

            for (var i = 0; i < expectedRows.Length; i++)
            {
                var (row, number) = expectedRows[i];
                for (var c = 0; c < columns; c++)
                {
                    var text = data.Rows[i].Cells[c];
                    if (!row[c].Matches(text))
                    {
                        return false.Label($"row {number} column {c}: {row[c]} read as '{Escape(text)}'");
                    }
                }
            }

            return true.ToProperty();
        });

    private static string Escape(string text) =>
        string.Concat(text.Select(ch => ch < 0x20 || ch > 0x7E ? $"\\u{(int)ch:X4}" : ch.ToString()));

    /// <summary>A typed cell value and what the reader must give for it.</summary>
    public abstract record Value
    {
        public virtual bool IsEmpty => false;

        internal abstract XCell? ToCell();

        internal abstract bool Matches(string text);
    }

    public sealed record TextValue(string Text, bool Inline) : Value
    {
        public override bool IsEmpty => Text.Length == 0;

        internal override XCell? ToCell() => IsEmpty ? null : Inline ? XCell.Inline(Text) : XCell.Text(Text);

        internal override bool Matches(string text) => text == Text;

        public override string ToString() => $"Text('{Escape(Text)}', inline: {Inline})";
    }

    public sealed record NumberValue(double Number) : Value
    {
        internal override XCell ToCell() => XCell.RawNumber(Number.ToString("R", CultureInfo.InvariantCulture));

        internal override bool Matches(string text) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var read)
            && read == Number
            && (!text.Contains('E', StringComparison.Ordinal) || Math.Abs(Number) is < 1e-20 or >= 1e21);

        public override string ToString() => $"Number({Number.ToString("R", CultureInfo.InvariantCulture)})";
    }

    public sealed record DateValue(DateTime Date) : Value
    {
        internal override XCell ToCell() => XCell.Serial(Date, Date.TimeOfDay == TimeSpan.Zero ? "14" : "yyyy-mm-dd hh:mm:ss");

        internal override bool Matches(string text) =>
            text == Date.ToString(Date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

        public override string ToString() => $"Date({Date:O})";
    }

    public sealed record BoolValue(bool Bool) : Value
    {
        internal override XCell ToCell() => XCell.Bool(Bool);

        internal override bool Matches(string text) => text == (Bool ? "TRUE" : "FALSE");
    }

    public sealed record EmptyValue : Value
    {
        public override bool IsEmpty => true;

        internal override XCell? ToCell() => null;

        internal override bool Matches(string text) => text.Length == 0;
    }
}
