using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using Verity.Mcp.Tools.Search;

namespace Verity.Mcp.Tools;

/// <summary>
/// One compiled catalog as a value: its identity, its tools and how to register them. Generated code creates one
/// per catalog (<c>{Api}Tools.Catalog</c>) and lists them all in <c>Verity.Mcp.Generated.CompiledCatalogs.All</c>,
/// so a host can serve whatever catalog it was built with without naming the generated classes.
/// </summary>
public sealed class GeneratedCatalog
{
    private readonly Func<IReadOnlyList<McpServerTool>> _createTools;
    private readonly Func<EndpointSearchIndex>? _createSearchIndex;

    public GeneratedCatalog(
        string apiName,
        string? apiVersion,
        string? defaultBaseUrl,
        string catalogFileName,
        string catalogSha256,
        IReadOnlyList<EndpointDescriptor> descriptors,
        Func<IReadOnlyList<McpServerTool>> createTools,
        Func<EndpointSearchIndex>? createSearchIndex = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiName);
        ArgumentNullException.ThrowIfNull(descriptors);
        ArgumentNullException.ThrowIfNull(createTools);
        ApiName = apiName;
        ApiVersion = apiVersion;
        DefaultBaseUrl = defaultBaseUrl;
        CatalogFileName = catalogFileName;
        CatalogSha256 = catalogSha256;
        Descriptors = descriptors;
        _createTools = createTools;
        _createSearchIndex = createSearchIndex;
    }

    /// <summary>The catalog's <c>api.name</c>: the key of this API's client registration and settings.</summary>
    public string ApiName { get; }

    public string? ApiVersion { get; }

    /// <summary>The catalog's <c>api.baseUrl</c>; configuration overrides it.</summary>
    public string? DefaultBaseUrl { get; }

    public string CatalogFileName { get; }

    /// <summary>SHA-256 (hex) of the catalog's UTF-8 text, to tell which catalog a build carries.</summary>
    public string CatalogSha256 { get; }

    /// <summary>What the runtime knows about each tool, in catalog order.</summary>
    public IReadOnlyList<EndpointDescriptor> Descriptors { get; }

    /// <summary>A new instance of every tool, in catalog order, unfiltered.</summary>
    public IReadOnlyList<McpServerTool> CreateTools() => _createTools();

    /// <summary>The catalog's compile-time search index (one summary and the scored terms per tool), made anew.</summary>
    public EndpointSearchIndex CreateSearchIndex() => _createSearchIndex?.Invoke() ?? EndpointSearchIndex.NamesOnly(Descriptors.Count);

    /// <summary>Registers the tools on the MCP server, filtered at start-up (see <see cref="EndpointToolRegistration"/>).</summary>
    public IMcpServerBuilder AddTools(IMcpServerBuilder builder) =>
        builder.WithEndpointTools(ApiName, Descriptors, _createTools, _createSearchIndex);

    public override string ToString() => ApiName;
}
