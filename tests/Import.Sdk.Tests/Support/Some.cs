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

    public static ImportSource Csv(string text, string name = "accounts.csv") => ImportSource.FromBytes(Encoding.UTF8.GetBytes(text), name);

    public static IImportPipeline Pipeline(IImportSink sink, ImportEntity? entity = null, Func<ImportOptions, ImportOptions>? options = null)
    {
        var builder = new ImportPipelineBuilder().UseEntity(entity ?? AccountsEntity).UseSink(sink);
        if (options is not null)
        {
            builder.Configure(options);
        }

        return builder.Build();
    }
}
