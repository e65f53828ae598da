using System.Globalization;
using System.Resources;

namespace Import.Sdk.Resources;

/// <summary>Issue messages in English (neutral) and French, chosen by the UI culture; codes never change.</summary>
internal static class Messages
{
    private static readonly ResourceManager Manager = new("Import.Sdk.Resources.Messages", typeof(Messages).Assembly);

    public const string Required = nameof(Required);
    public const string KeyRequired = nameof(KeyRequired);
    public const string InvalidNumber = nameof(InvalidNumber);
    public const string InvalidInteger = nameof(InvalidInteger);
    public const string BelowMinimum = nameof(BelowMinimum);
    public const string InvalidDate = nameof(InvalidDate);
    public const string InvalidBoolean = nameof(InvalidBoolean);
    public const string InvalidEnum = nameof(InvalidEnum);
    public const string TooLong = nameof(TooLong);
    public const string InvalidEmail = nameof(InvalidEmail);
    public const string DuplicateKey = nameof(DuplicateKey);
    public const string NotFound = nameof(NotFound);
    public const string AlreadyExists = nameof(AlreadyExists);
    public const string UnknownReference = nameof(UnknownReference);
    public const string UnknownReferenceNoCreation = nameof(UnknownReferenceNoCreation);
    public const string UnknownParent = nameof(UnknownParent);
    public const string AutoCreated = nameof(AutoCreated);
    public const string OrphanLine = nameof(OrphanLine);
    public const string ParentRejected = nameof(ParentRejected);
    public const string IncompleteDocument = nameof(IncompleteDocument);
    public const string LinesUnusable = nameof(LinesUnusable);
    public const string LineUnread = nameof(LineUnread);
    public const string RaggedRow = nameof(RaggedRow);
    public const string UnmappedColumn = nameof(UnmappedColumn);
    public const string AmbiguousColumn = nameof(AmbiguousColumn);
    public const string UnmappedRequiredField = nameof(UnmappedRequiredField);
    public const string ProfileCultureUnknown = nameof(ProfileCultureUnknown);
    public const string ProfileModeInvalid = nameof(ProfileModeInvalid);
    public const string ModeUpdateOnly = nameof(ModeUpdateOnly);
    public const string ProfileOtherEntity = nameof(ProfileOtherEntity);
    public const string ProfileEmptyEntry = nameof(ProfileEmptyEntry);
    public const string ProfileUnknownField = nameof(ProfileUnknownField);
    public const string ProfileFieldTwice = nameof(ProfileFieldTwice);
    public const string ProfileNotReference = nameof(ProfileNotReference);
    public const string ProfileReferenceByUnsupported = nameof(ProfileReferenceByUnsupported);
    public const string ProfileReferenceByUnknown = nameof(ProfileReferenceByUnknown);
    public const string ProfileDefaultUnknownField = nameof(ProfileDefaultUnknownField);
    public const string ProfileAutoCreateNotReference = nameof(ProfileAutoCreateNotReference);
    public const string ProfileKeyUnknownField = nameof(ProfileKeyUnknownField);
    public const string DefaultValueInvalid = nameof(DefaultValueInvalid);
    public const string ErrorsColumn = nameof(ErrorsColumn);
    public const string InvalidValue = nameof(InvalidValue);

    public const string EmptyFile = nameof(EmptyFile);
    public const string NotText = nameof(NotText);
    public const string UnterminatedQuote = nameof(UnterminatedQuote);
    public const string UnreadableContainer = nameof(UnreadableContainer);
    public const string RowUnreadable = nameof(RowUnreadable);
    public const string HeaderUnreadable = nameof(HeaderUnreadable);
    public const string FileMissing = nameof(FileMissing);
    public const string CsvQuoteMalformed = nameof(CsvQuoteMalformed);
    public const string CsvQuoteTextAfterClosing = nameof(CsvQuoteTextAfterClosing);
    public const string CsvQuoteStray = nameof(CsvQuoteStray);
    public const string CsvQuoteOther = nameof(CsvQuoteOther);
    public const string CsvQuoteUnterminated = nameof(CsvQuoteUnterminated);
    public const string CsvHeaderQuoteMalformed = nameof(CsvHeaderQuoteMalformed);
    public const string CsvRecordTooLong = nameof(CsvRecordTooLong);
    public const string CsvRecordTooLongToEnd = nameof(CsvRecordTooLongToEnd);
    public const string CsvCellTooLong = nameof(CsvCellTooLong);
    public const string CsvNulCharacter = nameof(CsvNulCharacter);
    public const string CsvUndecodableCharacter = nameof(CsvUndecodableCharacter);
    public const string CsvHeaderNul = nameof(CsvHeaderNul);
    public const string FileUnopenable = nameof(FileUnopenable);

    public const string UnreadFrom = nameof(UnreadFrom);
    public const string RestUnreadable = nameof(RestUnreadable);
    public const string ValueCut = nameof(ValueCut);
    public const string MissingColumns = nameof(MissingColumns);
    public const string MissingColumnItem = nameof(MissingColumnItem);
    public const string UnnamedColumn = nameof(UnnamedColumn);
    public const string UnnamedColumns = nameof(UnnamedColumns);
    public const string MoreUnmappedColumns = nameof(MoreUnmappedColumns);
    public const string WriteFailed = nameof(WriteFailed);

    public static string Format(CultureInfo uiCulture, string name, params object?[] args)
    {
        var template = Manager.GetString(name, uiCulture) ?? name;
        return string.Format(uiCulture, template, args);
    }
}
