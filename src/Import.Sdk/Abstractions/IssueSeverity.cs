namespace Import.Sdk;

/// <summary>How serious an <see cref="ImportIssue"/> is.</summary>
public enum IssueSeverity
{
    /// <summary>The row is rejected.</summary>
    Error = 0,

    /// <summary>Information for the user; the row is still imported.</summary>
    Warning = 1,
}
