using BenchmarkDotNet.Attributes;
using Verity.Mcp.Tools.Search;

namespace Verity.Benchmarks.Search;

/// <summary>
/// One <c>search_api_endpoints</c> query (the ranking the dynamic tool runs: query terms, postings summed over the
/// compile-time index, coordination, sort, top 10) over the synthetic 1,000-endpoint catalog and the Verity catalog.
/// Target: ≤ 1 ms over 1,000 endpoints. "load" is the first use: the generated index made and the served set built.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class EndpointSearchBenchmarks
{
    private ServedEndpoints _synthetic = null!;
    private ServedEndpoints _verity = null!;

    /// <summary>A task-like query with one rare word, a broad one (every 5th tool matches each word), a prefix, a tool's name.</summary>
    [Params("create an item in collection 0500", "list items", "delet", "update_item_0999")]
    public string Query { get; set; } = "list items";

    [GlobalSetup]
    public void Setup()
    {
        _synthetic = BenchCatalogs.Served(BenchCatalogs.Synthetic);
        _verity = BenchCatalogs.Served(BenchCatalogs.Verity);
    }

    [Benchmark(Description = "search, 1,000 endpoints")]
    public int Synthetic() => _synthetic.Search(Query, tag: null, limit: 10).Count;

    [Benchmark(Description = "search, 1,000 endpoints, tag filter")]
    public int SyntheticTagged() => _synthetic.Search(Query, tag: "group20", limit: 10).Count;

    [Benchmark(Description = "search, Verity (12 endpoints)")]
    public int Verity() => _verity.Search("place a test phone call", tag: null, limit: 10).Count;
}

/// <summary>The first search's set-up: the generated index created and the served endpoints built (once per process in a server).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class EndpointSearchLoadBenchmarks
{
    private IReadOnlyList<ModelContextProtocol.Server.McpServerTool> _tools = null!;

    [GlobalSetup]
    public void Setup() => _tools = BenchCatalogs.Synthetic.CreateTools();

    [Benchmark(Description = "index created + served set built, 1,000 endpoints")]
    public int Load() =>
        new ServedEndpoints(
            [new Verity.Mcp.Tools.EndpointToolSet(BenchCatalogs.Synthetic.ApiName, BenchCatalogs.Synthetic.Descriptors, BenchCatalogs.Synthetic.CreateSearchIndex)],
            _tools).Search("list items", tag: null, limit: 10).Count;
}

#if BENCH_GITHUB
/// <summary>
/// <c>search_api_endpoints</c> over GitHub's 1,186 tools (built with -p:BenchGitHub=true): task descriptions an
/// assistant writes, a prefix and a tool's exact name; and the first search's load.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class GitHubEndpointSearchBenchmarks
{
    private ServedEndpoints _github = null!;

    [Params("create an issue in a repository", "list pull requests of a repo", "list workflow runs of a repository", "merg", "repos_get-content")]
    public string Query { get; set; } = "create an issue in a repository";

    [GlobalSetup]
    public void Setup() => _github = BenchCatalogs.Served(BenchCatalogs.GitHub);

    [Benchmark(Description = "search, GitHub (1,186 endpoints)")]
    public int Search() => _github.Search(Query, tag: null, limit: 10).Count;

    [Benchmark(Description = "search, GitHub (1,186 endpoints), tag filter")]
    public int SearchTagged() => _github.Search(Query, tag: "repos", limit: 10).Count;
}

/// <summary>The first search's set-up over GitHub's tools: the generated index created and the served set built.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class GitHubEndpointSearchLoadBenchmarks
{
    private IReadOnlyList<ModelContextProtocol.Server.McpServerTool> _tools = null!;

    [GlobalSetup]
    public void Setup() => _tools = BenchCatalogs.GitHub.CreateTools();

    [Benchmark(Description = "index created + served set built, GitHub (1,186 endpoints)")]
    public int Load() =>
        new ServedEndpoints(
            [new Verity.Mcp.Tools.EndpointToolSet(BenchCatalogs.GitHub.ApiName, BenchCatalogs.GitHub.Descriptors, BenchCatalogs.GitHub.CreateSearchIndex)],
            _tools).Search("create an issue in a repository", tag: null, limit: 10).Count;
}
#endif
