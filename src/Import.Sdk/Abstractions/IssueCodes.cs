namespace Import.Sdk;

/// <summary>
/// The stable, public codes carried by every <see cref="ImportIssue"/>. Codes never change; messages are localised.
/// </summary>
public static class IssueCodes
{
    /// <summary>A required value is empty.</summary>
    public const string Required = "required";
    /// <summary>The value is not a number.</summary>
    public const string InvalidNumber = "invalid_number";
    /// <summary>The value is not a date in an accepted format.</summary>
    public const string InvalidDate = "invalid_date";
    /// <summary>The value is not a boolean.</summary>
    public const string InvalidBoolean = "invalid_boolean";
    /// <summary>The value is not one of the allowed values.</summary>
    public const string InvalidEnum = "invalid_enum";
    /// <summary>The value is longer than the field allows.</summary>
    public const string TooLong = "too_long";
    /// <summary>The value does not have the expected format.</summary>
    public const string InvalidFormat = "invalid_format";
    /// <summary>The value is not an e-mail address.</summary>
    public const string InvalidEmail = "invalid_email";
    /// <summary>The same key appears twice in the file; later occurrences are rejected.</summary>
    public const string DuplicateKey = "duplicate_key";
    /// <summary>Update mode: the key is not in the store.</summary>
    public const string NotFound = "not_found";
    /// <summary>Insert mode: the key is already in the store.</summary>
    public const string AlreadyExists = "already_exists";
    /// <summary>A referenced code does not exist and auto-creation is off.</summary>
    public const string UnknownReference = "unknown_reference";
    /// <summary>The parent of a line, contact or subsidiary is missing.</summary>
    public const string UnknownParent = "unknown_parent";
    /// <summary>A detail line whose header is not in the header file.</summary>
    public const string OrphanLine = "orphan_line";
    /// <summary>
    /// A document import (<see cref="ImportEntity.WithLines"/>) is all-or-nothing per document: one of the document's lines is
    /// rejected, so its header and its other lines are rejected too (the message names the document and the first rejected
    /// line's row). Nothing of the document is written.
    /// </summary>
    public const string IncompleteDocument = "incomplete_document";
    /// <summary>Amounts contradict each other (for example TTC below HT).</summary>
    public const string InconsistentAmounts = "inconsistent_amounts";
    /// <summary>A quantity is zero where it must not be.</summary>
    public const string ZeroQuantity = "zero_quantity";
    /// <summary>The SIREN fails its check.</summary>
    public const string InvalidSiren = "invalid_siren";
    /// <summary>The SIRET fails its check.</summary>
    public const string InvalidSiret = "invalid_siret";
    /// <summary>The VAT number fails its check.</summary>
    public const string InvalidVat = "invalid_vat";
    /// <summary>The RIB key does not match.</summary>
    public const string InvalidRib = "invalid_rib";
    /// <summary>The IBAN fails its check.</summary>
    public const string InvalidIban = "invalid_iban";
    /// <summary>The BIC has not the expected format.</summary>
    public const string InvalidBic = "invalid_bic";
    /// <summary>A CSV record has another field count than the header.</summary>
    public const string RaggedRow = "ragged_row";
    /// <summary>The profile maps no column to a required field.</summary>
    public const string UnmappedRequiredField = "unmapped_required_field";
    /// <summary>
    /// The profile cannot be used: a column or field that does not exist, a culture or mode that is not valid, a key that is
    /// not a field, a default value that is not valid. Found before any row is read, every problem listed at once (row 1), as
    /// for <see cref="UnmappedRequiredField"/>; no row is imported.
    /// </summary>
    public const string InvalidProfile = "invalid_profile";
    /// <summary>A record of the file is malformed (for example text after a closing quote, or a stray quote): the row is rejected, the import goes on.</summary>
    public const string MalformedRow = "malformed_row";
    /// <summary>
    /// A spreadsheet cell holds an Excel error value (<c>#REF!</c>, <c>#DIV/0!</c>, <c>#N/A</c>…) in a mapped column: the row is
    /// rejected, the issue names the column and the error; the cell's text is the error text. An error in a column that maps to
    /// no field rejects nothing.
    /// </summary>
    public const string CellError = "cell_error";
    /// <summary>Two levels of a record contradict each other (a stock record whose minimum level is above its maximum level).</summary>
    public const string InconsistentLevels = "inconsistent_levels";
    /// <summary>The file cannot be read (from the issue's row on, nothing more was read).</summary>
    public const string MalformedFile = "malformed_file";
    /// <summary>The import stopped because the sink failed: from the issue's row on, nothing was imported.</summary>
    public const string WriteFailed = "write_failed";
    /// <summary>
    /// Warning: a column maps to no field and is ignored. Named columns are listed one by one (the first 20; the others in one
    /// issue with their count); columns without a header are counted in one issue, with their range.
    /// </summary>
    public const string UnmappedColumn = "unmapped_column";
    /// <summary>
    /// Warning: the profile maps columns the file does not have; the issue lists them and the fields they were meant for,
    /// which are not imported (a required one is also an <see cref="UnmappedRequiredField"/> error).
    /// </summary>
    public const string MissingColumn = "missing_column";
    /// <summary>Warning: auto-matching found two candidates for a column and chose neither.</summary>
    public const string AmbiguousColumn = "ambiguous_column";
    /// <summary>Warning: a reference code was created because the profile allows it.</summary>
    public const string AutoCreated = "auto_created";
}
