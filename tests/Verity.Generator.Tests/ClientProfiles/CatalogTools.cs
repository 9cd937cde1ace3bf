using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verity.Generator.Tests.Infrastructure;
using Verity.Mcp.Clients;
using Verity.Mcp.Host.Tools;

namespace Verity.Generator.Tests.ClientProfiles;

/// <summary>The catalogs the client checks run over, as generated tools, and their lists shaped per profile.</summary>
internal static class CatalogTools
{
    public const string Verity = "verity";
    public const string Synthetic = "synthetic-1000";
    public const string EveryType = "every-type";

    public static TheoryData<string> Names => [Verity, Synthetic, EveryType];

    /// <summary>The catalog's generated tools: the Verity catalog's are compiled into this test assembly.</summary>
    public static IReadOnlyList<McpServerTool> Tools(string catalog) => catalog switch
    {
        Verity => VerityTools.CreateTools(),
        Synthetic => GeneratedToolAssembly.CreateTools(SyntheticCatalog.Create(1000)),
        EveryType => GeneratedToolAssembly.CreateTools(TestCatalogs.EveryType),
        _ => throw new ArgumentOutOfRangeException(nameof(catalog)),
    };

    /// <summary>Each listed tool beside the generator's tool of the same name, for one profile.</summary>
    public static IReadOnlyList<(Tool Exact, Tool Shaped)> Shaped(string catalog, ClientProfile profile)
    {
        var exact = Tools(catalog).Select(tool => tool.ProtocolTool).ToList();
        var byName = exact.ToDictionary(tool => tool.Name, StringComparer.Ordinal);
        return new ClientToolLists().For(profile, exact).Select(tool => (byName[tool.Name], tool)).ToList();
    }

    public static JsonObject Schema(Tool tool) => (JsonObject)JsonNode.Parse(tool.InputSchema.GetRawText())!;
}
