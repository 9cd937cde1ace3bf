namespace Verity.Generator.Model;

/// <summary>What one catalog file is, as read from the compilation: its text and the MSBuild options for it.</summary>
internal sealed record CatalogInput(string Path, string Text, string? NamespaceOverride, string? ToolPrefixOverride, string? RootNamespace)
{
    /// <summary>The file is an OpenAPI 3.0/3.1 document (JSON or YAML) rather than a catalog.</summary>
    public bool IsOpenApi { get; init; }

    /// <summary>OpenAPI only: the API's name instead of <c>info.title</c> (item metadata VerityApiName).</summary>
    public string? ApiNameOverride { get; init; }

    /// <summary>OpenAPI only: deprecated operations become tools too (item metadata VerityIncludeDeprecated).</summary>
    public bool IncludeDeprecated { get; init; }
}

/// <summary>
/// Names every generated file of one catalog needs. <see cref="HintPrefix"/> (namespace + API name) keeps hint names
/// apart between catalogs; <see cref="FilePath"/> decides which of two catalogs that would collide is generated.
/// </summary>
internal sealed record CatalogNames(string FilePath, string FileName, string Namespace, string ApiIdentifier, string HintPrefix, string ToolsClass, string ApiClass, string JsonContextClass);

/// <summary>Which catalog produces which hint prefix, to find catalogs whose generated files would collide.</summary>
internal sealed record CatalogKey(string FilePath, string HintPrefix);

/// <summary>The catalog-level facts for the shared files (tools class, typed client, JSON context).</summary>
internal sealed record CatalogModel(
    CatalogNames Names,
    string ApiName,
    string? ApiVersion,
    string? BaseUrl,
    string Sha256,
    EquatableArray<ToolSummary> Tools,
    EquatableArray<string> JsonTypes);

/// <summary>What the list of compiled catalogs needs of one catalog: where its tools class is, and which file it came from.</summary>
internal sealed record CatalogEntryModel(string FilePath, string Namespace, string ToolsClass);

internal sealed record ToolSummary(string ToolName, string GroupClass, string ToolClass);

/// <summary>A tool name with where it was declared, to find duplicates across catalogs.</summary>
internal sealed record ToolNameInfo(string ToolName, string Endpoint, LocationInfo? Location);

/// <summary>Everything parsing one catalog produced.</summary>
internal sealed record CatalogParseResult(
    CatalogModel? Catalog,
    EquatableArray<EndpointModel> Endpoints,
    EquatableArray<SharedTypeModel> SharedTypes,
    EquatableArray<ToolNameInfo> ToolNames,
    EquatableArray<DiagnosticInfo> Diagnostics);

internal sealed record SharedTypeModel(CatalogNames Names, TypeDecl Type);
