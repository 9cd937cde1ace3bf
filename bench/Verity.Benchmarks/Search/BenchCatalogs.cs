using Verity.Mcp.Generated;
using Verity.Mcp.Tools;
using Verity.Mcp.Tools.Search;

namespace Verity.Benchmarks.Search;

/// <summary>The catalogs the generator compiled into this project: the Verity catalog, the synthetic 1,000-endpoint one, and GitHub's when asked for.</summary>
internal static class BenchCatalogs
{
    public static GeneratedCatalog Verity { get; } = Named("verity.catalog.json");

    /// <summary>bench/make-synthetic-catalog.sh 1000 (written into obj/ by the build).</summary>
    public static GeneratedCatalog Synthetic { get; } = Named("synthetic-1000.catalog.json");

#if BENCH_GITHUB
    /// <summary>GitHub's REST description, 1,186 tools (built with -p:BenchGitHub=true).</summary>
    public static GeneratedCatalog GitHub { get; } = Named("api.github.com.json");
#endif

    /// <summary>Every tool of <paramref name="catalog"/> served, searched through its compile-time index.</summary>
    public static ServedEndpoints Served(GeneratedCatalog catalog) =>
        new([new EndpointToolSet(catalog.ApiName, catalog.Descriptors, catalog.CreateSearchIndex)], catalog.CreateTools());

    private static GeneratedCatalog Named(string fileName) =>
        CompiledCatalogs.All.Single(catalog => catalog.CatalogFileName == fileName);
}
