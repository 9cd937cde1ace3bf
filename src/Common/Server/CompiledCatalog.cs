using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using Verity.Mcp.Generated;
using Verity.Mcp.Tools;

namespace Verity.Common.Server;

/// <summary>
/// The one place the host touches the code generated from the catalog: the generator's well-known list
/// (<see cref="CompiledCatalogs"/>), so the host serves whatever catalog it is built with, whatever its
/// <c>api.name</c> and namespace.
/// </summary>
internal static class CompiledCatalog
{
    /// <summary>The host is built with exactly one catalog (<c>VERITY_CATALOG_PATH</c>).</summary>
    public static GeneratedCatalog Catalog { get; } = CompiledCatalogs.All[0];

    public static string ApiName => Catalog.ApiName;

    public static string? ApiVersion => Catalog.ApiVersion;

    public static string? DefaultBaseUrl => Catalog.DefaultBaseUrl;

    public static string CatalogSha256 => Catalog.CatalogSha256;

    public static string CatalogFileName => Catalog.CatalogFileName;

    public static IReadOnlyList<McpServerTool> CreateTools() => Catalog.CreateTools();

    public static IMcpServerBuilder WithCompiledTools(this IMcpServerBuilder builder) => Catalog.AddTools(builder);
}
