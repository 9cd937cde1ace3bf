using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace Verity.Mcp.Host.Server;

/// <summary>
/// The one place the host touches the code generated from the catalog (<c>VerityTools</c>), so the rest of the
/// host reads the catalog's facts through plain properties.
/// </summary>
internal static class CompiledCatalog
{
    // Until the generator emits VerityTools, the host runs with the catalog's identity and no tools.
    public static string ApiName => "Verity";

    public static string? ApiVersion => "2026-11";

    public static string? DefaultBaseUrl => "https://api.verity.example";

    public static string CatalogSha256 => string.Empty;

    public static string CatalogFileName => "verity.catalog.json";

    public static IReadOnlyList<McpServerTool> CreateTools() => [];

    public static IMcpServerBuilder WithCompiledTools(this IMcpServerBuilder builder) => builder;
}
