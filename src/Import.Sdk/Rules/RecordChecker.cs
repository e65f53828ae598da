using Import.Sdk.Conversion;
using Import.Sdk.Pipeline;
using Import.Sdk.Reporting;

namespace Import.Sdk.Rules;

/// <summary>
/// The record rules stage: the entity's <see cref="IRecordRule"/>s on a converted row (every row whose cells could be read,
/// rejected or not: a rule may look at <see cref="RecordContext.HasErrors"/>). Its issues wait in the row. One checker per
/// converting thread (it holds the record context the rules see); a rule that is not thread-safe is called under its gate.
/// </summary>
internal sealed class RecordChecker
{
    private readonly EntitySchema _schema;
    private readonly IRecordRule[] _rules;
    private readonly Lock?[] _gates;
    private readonly RowIssues _issues;
    private readonly RecordContext _context;
    private RowState? _row;

    public RecordChecker(ImportEntity entity, RowIssues issues, CallGates gates)
    {
        _schema = entity.Schema;
        _rules = [.. entity.Rules];
        _gates = [.. _rules.Select(gates.For)];
        _issues = issues;
        _context = new RecordContext(_schema, issues.UiCulture, Report);
    }

    /// <summary>Runs every rule on a converted row.</summary>
    public void Check(RowState row)
    {
        if (_rules.Length == 0 || !row.HasValues)
        {
            return;
        }

        _row = row;
        _context.Reset(row.Row, row.Values, row.Rejected);
        for (var i = 0; i < _rules.Length; i++)
        {
            if (_gates[i] is { } gate)
            {
                lock (gate)
                {
                    _rules[i].Validate(_context);
                }
            }
            else
            {
                _rules[i].Validate(_context);
            }
        }

        _row = null;
    }

    private void Report(string field, string code, string message, string? value)
    {
        var row = _row!;
        var def = _schema.TryGetField(field, out var f) ? f : null;
        _issues.Add(row, def, DisplayText.Cut(value ?? (def is null ? null : RecordKey.FormatValue(row.Values[def.Index])), _issues.UiCulture), code, IssueSeverity.Error, message);
    }
}
