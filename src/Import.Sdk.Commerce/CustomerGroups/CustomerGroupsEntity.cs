namespace Import.Sdk.Commerce.CustomerGroups;

/// <summary>The <c>customer-groups</c> entity: groups of customers (for example by sales agency), created on the fly by a customers import (seed 003).</summary>
internal static class CustomerGroupsEntity
{
    public static ImportEntity Instance { get; } = new(EntitySchema.Create(CommerceEntities.CustomerGroupsName)
        .Label("groupes de clients", "customer groups")
        .Field("code", FieldType.Text, f => f
            .Label("Groupe", "Group")
            .Required()
            .MaxLength(100)
            .Synonyms("Code groupe", "Code du groupe", "Groupe de clients", "Agence commerciale", "Group code", "Customer group"))
        .Field("label", FieldType.Text, f => f
            .Label("Libellé", "Label")
            .Synonyms("Intitulé", "Désignation", "Nom", "Nom du groupe", "Description", "Name", "Group name"))
        .Key("code")
        .Build());
}
