namespace Import.Sdk.Excel.Reading;

/// <summary>A sheet of a workbook, in the workbook's order.</summary>
/// <param name="Name">The sheet name.</param>
/// <param name="Visible">Whether the sheet is visible (not hidden nor very hidden).</param>
/// <param name="Part">Where its content is (a package part path, or <see langword="null"/> when missing).</param>
internal sealed record SheetEntry(string Name, bool Visible, string? Part);
