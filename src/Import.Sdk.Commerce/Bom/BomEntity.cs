using Import.Sdk.Commerce.Articles;

namespace Import.Sdk.Commerce.Bom;

/// <summary>
/// The <c>bom</c> entity (seed 001, "composés (nomenclature)"): the lines of an assembly's bill of materials. assembly_code
/// (required, → articles), position (the line's place in the assembly; numbered in file order when empty), component_code
/// (→ articles; empty: the line is a comment, kept in its place), quantity (not zero with a component: <c>zero_quantity</c>),
/// comment. The lines of an assembly are a child set (<see cref="EntitySchemaBuilder.ChildSetOf"/>): an assembly present in a file
/// has its stored composition replaced by the file's lines, so re-importing a file never duplicates a composition (the seed warns
/// that its own import does).
/// </summary>
internal static class BomEntity
{
    public static ImportEntity Instance { get; } = new(EntitySchema.Create(CommerceEntities.BomName)
        .Label("nomenclatures", "bills of materials")
        .Field("assembly_code", FieldType.Text, f => f
            .Label("Code article composé", "Assembly code")
            .Required()
            .MaxLength(ArticlesSchema.CodeMaxLength)
            .References(new FieldReference(ArticlesSchema.Instance, "code"))
            .Synonyms("Article composé", "Composé", "Code composé", "Article assemblé", "Code article assemblé", "Article parent", "Code parent", "Nomenclature", "Assembly", "Parent article", "Parent item", "Kit"))
        .Field("position", FieldType.Integer, f => f
            .Label("Position", "Position")
            .Min(1)
            .Synonyms("N° ligne", "Ligne", "Numéro de ligne", "Ordre", "Rang", "Line", "Line number", "Order", "Sequence"))
        .Field("component_code", FieldType.Text, f => f
            .Label("Code composant", "Component code")
            .MaxLength(ArticlesSchema.CodeMaxLength)
            .References(new FieldReference(ArticlesSchema.Instance, "code"))
            .Synonyms("Composant", "Article composant", "Code article composant", "Code article", "Article", "Component", "Component item", "Child item"))
        .Field(BomQuantity.Quantity, FieldType.Decimal, f => f
            .Label("Quantité", "Quantity")
            .Synonyms("Qté", "Qte", "Quantité composant", "Qty", "Quantity per assembly"))
        .Field("comment", FieldType.Text, f => f
            .Label("Commentaire", "Comment")
            .MaxLength(500)
            .Synonyms("Libellé", "Désignation", "Description", "Remarque", "Note", "Texte", "Text", "Remark"))
        .Key("assembly_code", "position")
        .ChildSetOf("assembly_code")
        .ChildSetPosition("position")
        .Build(), [new BomQuantity()]);
}
