using System.Globalization;
using System.Resources;

namespace Import.Sdk.Sqlite.Resources;

/// <summary>Messages of the SQLite sink in English (neutral) and French, chosen by <see cref="SqliteSinkOptions.UiCulture"/>.</summary>
internal static class SqliteMessages
{
    private static readonly ResourceManager Manager = new("Import.Sdk.Sqlite.Resources.SqliteMessages", typeof(SqliteMessages).Assembly);

    public const string NotADatabase = nameof(NotADatabase);
    public const string FolderMissing = nameof(FolderMissing);
    public const string IsAFolder = nameof(IsAFolder);
    public const string NotWritable = nameof(NotWritable);
    public const string Locked = nameof(Locked);
    public const string CannotOpen = nameof(CannotOpen);
    public const string OpenedReadOnly = nameof(OpenedReadOnly);
    public const string KeyConflict = nameof(KeyConflict);
    public const string KeyTaken = nameof(KeyTaken);
    public const string DuplicateKeysInStore = nameof(DuplicateKeysInStore);

    public static string Format(CultureInfo uiCulture, string name, params object?[] args)
    {
        var template = Manager.GetString(name, uiCulture) ?? name;
        return string.Format(uiCulture, template, args);
    }
}
