namespace Verity.Generator.Model;

/// <summary>One endpoint, with everything its generated file needs and nothing else.</summary>
internal sealed record EndpointModel
{
    public required CatalogNames Names { get; init; }

    public required string ToolName { get; init; }

    public required string Method { get; init; }

    public required string Path { get; init; }

    public required string GroupClass { get; init; }

    public required string ToolClass { get; init; }

    public required string MethodName { get; init; }

    public required string Description { get; init; }

    public required string InputSchemaJson { get; init; }

    /// <summary>The tool's output schema; null when the catalog declares no JSON response.</summary>
    public required string? OutputSchemaJson { get; init; }

    /// <summary>The output schema wraps a non-object answer under <c>result</c>.</summary>
    public required bool OutputWrapsResult { get; init; }

    /// <summary>The C# type of the declared response body (JsonElement where no type is generated); null when none is declared.</summary>
    public required TypeRef? ResponseType { get; init; }

    public required bool ReadOnly { get; init; }

    public required bool Destructive { get; init; }

    public required bool Idempotent { get; init; }

    public required bool OpenWorld { get; init; }

    /// <summary>The endpoint's own timeout in seconds, as the catalog wrote the number; null for the client's default.</summary>
    public required string? TimeoutSeconds { get; init; }

    public required EquatableArray<string> Tags { get; init; }

    public required EquatableArray<PathPart> PathParts { get; init; }

    public required EquatableArray<ArgumentModel> Arguments { get; init; }

    public required BodyModel? Body { get; init; }

    /// <summary>Enums and records declared inline in this endpoint's schemas, emitted in its file.</summary>
    public required EquatableArray<TypeDecl> InlineTypes { get; init; }
}

/// <summary>A literal piece of the path template, or the argument that fills a <c>{name}</c> segment.</summary>
internal sealed record PathPart(string? Literal, string? Argument);

internal enum ArgumentLocation
{
    Path,
    Query,
    Header,
}

/// <summary>A path, query or header argument: its wire name, C# parameter name, type and the catalog's description.</summary>
internal sealed record ArgumentModel(string Name, string Identifier, ArgumentLocation Location, bool Required, TypeRef Type, string? Description);

/// <summary>
/// The request body: either one argument (<see cref="ArgumentName"/> set) or flattened into the tool's arguments,
/// in which case <see cref="Properties"/> lists the record's properties the tool binds one by one.
/// </summary>
internal sealed record BodyModel(string Identifier, string? ArgumentName, bool Required, TypeRef Type, EquatableArray<PropertyDecl> Properties, string? Description);
