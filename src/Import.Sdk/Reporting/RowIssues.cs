using System.Globalization;
using Import.Sdk.Mapping;
using Import.Sdk.Pipeline;
using Import.Sdk.Resources;

namespace Import.Sdk.Reporting;

/// <summary>
/// How every stage words an issue of a row: the column and field it names, its message cut to length, and for an error the
/// errors file's text. The issue waits in the row (<see cref="RowState.Pending"/>) until the planner reports it in row order.
/// Holds nothing that changes: shared by the threads that convert rows.
/// </summary>
internal sealed class RowIssues(CompiledMapping map, CultureInfo uiCulture)
{
    /// <summary>Gets the culture of messages.</summary>
    public CultureInfo UiCulture { get; } = uiCulture;

    /// <summary>Adds an issue on a field of the row, naming the field's column.</summary>
    public void Add(RowState row, FieldDefinition? field, string? value, string code, IssueSeverity severity, string message) =>
        Add(row, field is null ? null : map.ColumnOf(field.Index), field, value, code, severity, message);

    /// <summary>Adds an issue of the row.</summary>
    public void Add(RowState row, string? column, FieldDefinition? field, string? value, string code, IssueSeverity severity, string message)
    {
        var (issue, errorText) = Make(row.Row, column, field, value, code, severity, message);
        row.AddIssue(issue, errorText);
    }

    /// <summary>An error of a row no longer held (a document's row rejected once its document is known incomplete), naming the field's column.</summary>
    public (ImportIssue Issue, string ErrorText) Error(int row, FieldDefinition field, string? value, string code, string message)
    {
        var (issue, errorText) = Make(row, map.ColumnOf(field.Index), field, value, code, IssueSeverity.Error, message);
        return (issue, errorText!);
    }

    private (ImportIssue Issue, string? ErrorText) Make(int row, string? column, FieldDefinition? field, string? value, string code, IssueSeverity severity, string message)
    {
        // The callers cut the values they quote (DisplayText.Cut); a message built elsewhere (a host rule's, a validator's, a
        // reader's) is cut here if it is long. A cheap test: issues are the rare path.
        message = DisplayText.Cut(message, UiCulture, DisplayText.MaxMessageLength);
        column = DisplayText.Cut(column, UiCulture); // a header cell: as long as a cell may be
        var issue = new ImportIssue(row, column, field?.Name, value, code, severity, message);
        string? errorText = null;
        if (severity == IssueSeverity.Error)
        {
            var name = column ?? field?.Name;
            errorText = name is null || message.StartsWith(name, StringComparison.Ordinal) ? message : string.Concat(name, UiCulture.TwoLetterISOLanguageName == "fr" ? " : " : ": ", message);
        }

        return (issue, errorText);
    }

    /// <summary>Formats one of <see cref="Messages"/> in the culture of messages.</summary>
    public string Msg(string name, params object?[] args) => Messages.Format(UiCulture, name, args);
}
