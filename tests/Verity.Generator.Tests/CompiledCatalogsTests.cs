using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests;

/// <summary>
/// The well-known entry point: <c>Verity.Mcp.Generated.CompiledCatalogs.All</c> lists every catalog of the compilation,
/// whatever its api.name and namespace, so a host can serve a catalog without naming its generated classes.
/// </summary>
public sealed class CompiledCatalogsTests
{
    private const string HostSource = """
        namespace Sample.App;

        internal static class Program
        {
            // What a host does: serve whatever is compiled in, by the fixed name only.
            public static global::System.Collections.Generic.IReadOnlyList<global::Verity.Mcp.Tools.GeneratedCatalog> Catalogs =>
                global::Verity.Mcp.Generated.CompiledCatalogs.All;
        }
        """;

    private static string Catalog(string apiName, string ns, string tool) => $$"""
        {
          "api": { "name": "{{apiName}}", "version": "1.0", "baseUrl": "https://{{apiName.ToLowerInvariant()}}.example.com" },
          "namespace": "{{ns}}",
          "endpoints": [
            { "method": "GET", "path": "/items", "tool": "{{tool}}", "summary": "List the items." }
          ]
        }
        """;

    [Fact]
    public void Every_catalog_is_listed_in_path_order_and_a_host_compiles_against_the_list()
    {
        var output = GeneratorHarness.Run(
            [
                new CatalogFile("/repo/api/shop.catalog.json", Catalog("Shop", "Shop.Tools", "shop_list")),
                new CatalogFile("/repo/api/outlet.catalog.json", Catalog("Outlet", "Outlet.Api", "outlet_list")),
            ],
            userSource: HostSource);

        Assert.Empty(output.CompilationProblems());
        var list = output.Sources["Verity.Mcp.Generated.CompiledCatalogs.g.cs"];
        var outlet = list.IndexOf("global::Outlet.Api.OutletTools.Catalog,", StringComparison.Ordinal);
        var shop = list.IndexOf("global::Shop.Tools.ShopTools.Catalog,", StringComparison.Ordinal);
        Assert.True(outlet >= 0 && shop > outlet, list);
        Assert.Contains("internal static class CompiledCatalogs", list, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_tool_names_its_catalogs_API()
    {
        var output = GeneratorHarness.Run([new CatalogFile("/repo/api/shop.catalog.json", Catalog("Shop", "Shop.Tools", "shop_list"))]);

        var tool = Assert.Single(output.Sources, source => source.Key.EndsWith("ShopListTool.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("ApiName: global::Shop.Tools.ShopTools.ApiName);", tool, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_without_catalogs_gets_no_list()
    {
        var output = GeneratorHarness.Run([]);

        Assert.DoesNotContain("Verity.Mcp.Generated.CompiledCatalogs.g.cs", output.Sources.Keys);
    }
}
