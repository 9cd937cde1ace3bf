namespace Verity.Generator.Model;

internal enum TypeKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    DateTimeOffset,
    Guid,
    Json,
    Enum,
    Record,
    List,
}

/// <summary>The C# type of a schema: a primitive, a generated enum or record (by name), or a list of another.</summary>
internal sealed record TypeRef(TypeKind Kind, string? Name, TypeRef? Item, bool Nullable)
{
    public TypeRef AsNullable(bool nullable) => nullable == Nullable ? this : this with { Nullable = nullable };
}

internal enum TypeDeclKind
{
    Enum,
    Record,
}

/// <summary>
/// A generated enum (string values) or record (object with properties). <see cref="ComponentName"/> is the entry of
/// <c>components.schemas</c> it comes from; null for a type declared inline in an endpoint's schema.
/// </summary>
internal sealed record TypeDecl(
    string Name,
    TypeDeclKind Kind,
    string? Description,
    string? ComponentName,
    EquatableArray<EnumMember> Members,
    EquatableArray<PropertyDecl> Properties);

internal sealed record EnumMember(string Value, string Identifier);

/// <summary>
/// A record property. Optional properties are nullable and omitted when null; optional properties whose schema
/// allows null are <c>Optional&lt;T?&gt;</c>, because there null (clear the field) differs from absent.
/// </summary>
internal sealed record PropertyDecl(string JsonName, string Identifier, TypeRef Type, bool Required, string? Description)
{
    public bool UsesOptional => !Required && Type.Nullable;
}
