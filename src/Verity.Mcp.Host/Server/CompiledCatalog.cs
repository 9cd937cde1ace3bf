using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using Verity.Mcp.Host.Tools;

namespace Verity.Mcp.Host.Server;

/// <summary>
/// The one place the host touches the code generated from the catalog (<see cref="VerityTools"/>), so the rest of
/// the host reads the catalog's facts through plain properties.
/// </summary>
internal static class CompiledCatalog
{
    public static string ApiName => VerityTools.ApiName;

    public static string? ApiVersion => VerityTools.ApiVersion;

    public static string? DefaultBaseUrl => VerityTools.DefaultBaseUrl;

    public static string CatalogSha256 => VerityTools.CatalogSha256;

    public static string CatalogFileName => VerityTools.CatalogFileName;

    public static IReadOnlyList<McpServerTool> CreateTools() => VerityTools.CreateTools();

    public static IMcpServerBuilder WithCompiledTools(this IMcpServerBuilder builder) => builder.WithVerityTools();
}
