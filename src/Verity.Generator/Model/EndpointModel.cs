namespace Verity.Generator.Model;

/// <summary>One endpoint, with everything its generated file needs and nothing else.</summary>
internal sealed record EndpointModel(
    CatalogNames Names,
    string ToolName,
    string Method,
    string Path,
    string GroupClass,
    string ToolClass,
    string MethodName,
    string Description,
    string InputSchemaJson,
    string? OutputSchemaJson,
    bool OutputWrapsResult,
    bool ReadOnly,
    bool Destructive,
    bool Idempotent,
    bool OpenWorld,
    string? TimeoutSeconds,
    EquatableArray<string> Tags,
    EquatableArray<PathPart> PathParts,
    EquatableArray<ArgumentModel> Arguments,
    BodyModel? Body,
    EquatableArray<TypeDecl> InlineTypes);

/// <summary>A literal piece of the path template, or the argument that fills a <c>{name}</c> segment.</summary>
internal sealed record PathPart(string? Literal, string? Argument);

internal enum ArgumentLocation
{
    Path,
    Query,
    Header,
}

/// <summary>A path, query or header argument: its wire name, C# parameter name and type.</summary>
internal sealed record ArgumentModel(string Name, string Identifier, ArgumentLocation Location, bool Required, TypeRef Type);

/// <summary>
/// The request body: either one argument (<see cref="ArgumentName"/> set) or flattened into the tool's arguments,
/// in which case <see cref="Properties"/> lists the record's properties the tool binds one by one.
/// </summary>
internal sealed record BodyModel(string Identifier, string? ArgumentName, bool Required, TypeRef Type, EquatableArray<PropertyDecl> Properties);
