using System.Text;

namespace Import.Sdk.Tests.Support;

/// <summary>Builders of test data: schemas, files and pipelines.</summary>
internal static class Some
{
    public static EntitySchema Groups { get; } = EntitySchema.Create("groups")
        .Label("groupes", "groups")
        .Field("code", FieldType.Text, f => f.Required())
        .Field("label", FieldType.Text)
        .Key("code")
        .Build();

    /// <summary>A small "customers-like" schema exercising every field type and rule of core.</summary>
    public static EntitySchema Accounts { get; } = EntitySchema.Create("accounts")
        .Label("comptes", "accounts")
        .Field("code", FieldType.Text, f => f.Label("Code client", "Customer code").MaxLength(10).Synonyms("CODE", "Identifiant client"))
        .Field("name", FieldType.Text, f => f.Label("Raison sociale", "Company name").Required().MaxLength(30).Synonyms("Nom", "Nom du client"))
        .Field("email", FieldType.Email, f => f.Label("Email", "Email"))
        .Field("terms", FieldType.Integer, f => f.Label("Délai de paiement", "Payment terms").Min(0))
        .Field("limit", FieldType.Decimal, f => f.Label("Limite de crédit", "Credit limit").Protected())
        .Field("since", FieldType.Date, f => f.Label("Client depuis", "Customer since"))
        .Field("active", FieldType.Boolean, f => f.Label("Actif", "Active"))
        .Field("method", FieldType.Enum, f => f.Label("Moyen de paiement", "Payment method").Values("VIREMENT", "CHEQUE", "CB").Aliases("VIREMENT", "virement bancaire", "transfer").Aliases("CHEQUE", "chèque"))
        .Field("groups", FieldType.TextList, f => f.Label("Groupes", "Groups").References(new FieldReference(Groups, "code", creation: ReferenceCreation.Always)))
        .Field("parent", FieldType.Text, f => f.Label("Groupe parent", "Parent").References(new FieldReference(null, "code", isParent: true)))
        .Field("status", FieldType.Text, f => f.Label("Statut", "Status").Default("ACTIVE"))
        .Key("code")
        .AlternateKey("name")
        .Build();

    public static ImportEntity AccountsEntity { get; } = new(Accounts);

    /// <summary>The header of an accounts file as a French user writes it: every field but <c>status</c> (which has a default).</summary>
    public const string Header = "Code client;Raison sociale;Email;Délai de paiement;Limite de crédit;Client depuis;Actif;Moyen de paiement;Groupes;Groupe parent";

    public static ImportSource Csv(string text, string name = "accounts.csv") => ImportSource.FromBytes(Encoding.UTF8.GetBytes(text), name);

    /// <summary>Lines joined by CRLF, with a final CRLF, as Excel writes them.</summary>
    public static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    /// <summary>An accounts file: <see cref="Header"/> then the data lines.</summary>
    public static string AccountsCsv(params string[] dataLines) => Lines([Header, .. dataLines]);

    /// <summary>One data line of an accounts file in the columns of <see cref="Header"/> (cells are written as given: quote them yourself).</summary>
    public static string Line(string code, string name, string email = "", string terms = "", string limit = "", string since = "", string active = "", string method = "", string groups = "", string parent = "") =>
        string.Join(';', code, name, email, terms, limit, since, active, method, groups, parent);

    /// <summary>The value of a field in an accounts record.</summary>
    public static object? Value(IReadOnlyList<object?> record, string field) => record[Accounts[field].Index];

    /// <summary>The stored accounts record with this code.</summary>
    public static object?[] Account(InMemorySink sink, string code) =>
        sink.GetRecords("accounts").Single(r => Equals(r[Accounts["code"].Index], code));

    /// <summary>An accounts record as an import of <paramref name="code"/> and <paramref name="name"/> alone stores it (status defaults to ACTIVE), with other values set.</summary>
    public static object?[] NewAccount(string code, string name, params (string Field, object? Value)[] values)
    {
        var record = new object?[Accounts.Fields.Count];
        record[Accounts["code"].Index] = code;
        record[Accounts["name"].Index] = name;
        record[Accounts["status"].Index] = "ACTIVE";
        foreach (var (field, value) in values)
        {
            record[Accounts[field].Index] = value;
        }

        return record;
    }

    /// <summary>Executes an import of <paramref name="csv"/> into <paramref name="sink"/> (a new in-memory sink by default).</summary>
    public static async Task<(ImportReport Report, InMemorySink Sink)> ExecuteAsync(string csv, InMemorySink? sink = null, Func<ImportOptions, ImportOptions>? options = null, ImportProfile? profile = null, ImportEntity? entity = null)
    {
        sink ??= new InMemorySink();
        var report = await Pipeline(sink, entity, options).ExecuteAsync(new ImportRequest(Csv(csv)) { Profile = profile });
        return (report, sink);
    }

    /// <summary>The issues of a report with this code.</summary>
    /// <summary>The errors file of a report, as base64 (to compare two reports' files byte for byte).</summary>
    public static string ErrorsFileOf(ImportReport report)
    {
        using var stream = new MemoryStream();
        report.WriteErrorsFileAsync(stream).GetAwaiter().GetResult();
        return Convert.ToBase64String(stream.ToArray());
    }

    public static ImportIssue[] IssuesOf(this ImportReport report, string code) => report.Issues.Where(i => i.Code == code).ToArray();

    public static IImportPipeline Pipeline(IImportSink sink, ImportEntity? entity = null, Func<ImportOptions, ImportOptions>? options = null)
    {
        var builder = new ImportPipelineBuilder().UseEntity(entity ?? AccountsEntity).UseSink(sink);
        if (options is not null)
        {
            builder.UseOptions(options);
        }

        return builder.Build();
    }
}
