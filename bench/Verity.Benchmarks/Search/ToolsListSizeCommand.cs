using Microsoft.Extensions.Configuration;
using Verity.Benchmarks.Clients;
using Verity.Mcp.Tools;
using Verity.Mcp.Tools.Dynamic;

namespace Verity.Benchmarks.Search;

/// <summary>
/// <c>tools-list-size</c>: the bytes of one <c>tools/list</c> answer (the JSON-RPC line) per catalog and tool mode,
/// for an unnamed client (exact schemas) and VS Code, as a real server sends it.
/// </summary>
internal static class ToolsListSizeCommand
{
    public const string Name = "tools-list-size";

    public static async Task<int> RunAsync()
    {
        Console.WriteLine("| catalog | mode | client | tools/list bytes |");
        Console.WriteLine("|---|---|---|---:|");
        foreach (var (label, catalog) in Catalogs())
        {
            foreach (var mode in new[] { "all", "dynamic", "auto" })
            {
                foreach (var client in new[] { "mcp-inspector", "Visual Studio Code" })
                {
                    var configuration = new ConfigurationBuilder()
                        .AddInMemoryCollection([new KeyValuePair<string, string?>(ToolModeOptions.ModeKey, mode)])
                        .Build();
                    await using var connection = await RawMcpConnection.StartAsync(server => catalog.AddTools(server).WithToolMode(), configuration, client);
                    var bytes = await connection.ListToolsAsync();
                    Console.WriteLine($"| {label} | {mode} | {client} | {bytes:N0} |");
                }
            }
        }

        foreach (var (_, catalog) in Catalogs())
        {
            var index = catalog.CreateSearchIndex();
            Console.WriteLine($"// {catalog.CatalogFileName}: search index of {index.Count:N0} tools, {index.TermCount:N0} terms");
        }

        return 0;
    }

    private static IEnumerable<(string Label, GeneratedCatalog Catalog)> Catalogs()
    {
        yield return ("Verity (12 endpoints)", BenchCatalogs.Verity);
        yield return ("synthetic (1,000 endpoints)", BenchCatalogs.Synthetic);
#if BENCH_GITHUB
        yield return ("GitHub (1,186 endpoints)", BenchCatalogs.GitHub);
#endif
    }
}
