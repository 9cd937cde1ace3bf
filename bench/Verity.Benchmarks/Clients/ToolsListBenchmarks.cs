using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ModelContextProtocol.Protocol;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Benchmarks.Clients;

/// <summary>
/// <c>tools/list</c> of the synthetic 1,000-endpoint catalog through the MCP server, as each client profile's client
/// gets it. "Repeated" is every request after the first (the shaped list is kept per profile per process); the baseline
/// is today's list, unchanged, measured beside each profile. Target: each repeated shaped list within 10 % of it.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[Config(typeof(RepeatedConfig))]
public class ToolsListBenchmarks
{
    private static readonly string[] Profiles = ["exact", "cursor", "claude", "vscode", "gemini", "openai"];

    // One warmed connection per profile for the whole process: every case, the first one run included, then meets
    // the same JIT state (on a busy machine tiering lags, which would otherwise slow whichever case runs first).
    private static readonly Lazy<Dictionary<string, RawMcpConnection>> Connections = new(OpenAll);

    private RawMcpConnection _exact = null!;
    private RawMcpConnection _shaped = null!;

    [Params("cursor", "claude", "vscode", "gemini", "openai")]
    public string Profile { get; set; } = "cursor";

    [GlobalSetup]
    public void Setup()
    {
        _exact = Connections.Value["exact"];
        _shaped = Connections.Value[Profile];
    }

    // Measured beside each profile, so the ratio compares two figures taken minutes apart at most on a shared machine.
    [Benchmark(Baseline = true, Description = "exact list (today)")]
    public Task<long> Exact() => _exact.ListToolsAsync();

    [Benchmark(Description = "shaped list, repeated")]
    public Task<long> Repeated() => _shaped.ListToolsAsync();

    internal static readonly Lazy<IReadOnlyList<Tool>> SyntheticTools = new(() => GeneratedToolSchemas.FromCatalog(SyntheticCatalog.Create(1000)));

    private static Dictionary<string, RawMcpConnection> OpenAll()
    {
        var connections = Profiles.ToDictionary(
            profile => profile,
            profile => RawMcpConnection.StartAsync(SyntheticTools.Value, ClientNames.For(profile)).GetAwaiter().GetResult());
        var bytes = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var round = 0; round < 50; round++)
        {
            foreach (var (profile, connection) in connections)
            {
                bytes[profile] = connection.ListToolsAsync().GetAwaiter().GetResult(); // the first of each shapes its list
            }
        }

        // The shaping left garbage behind; collect it now rather than during the first case measured.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        Console.WriteLine($"// tools/list answer bytes: {string.Join(", ", bytes.Select(pair => $"{pair.Key} {pair.Value:N0}"))}");
        return connections;
    }
}

/// <summary>
/// The first <c>tools/list</c> of a fresh server for each profile: the one that shapes the profile's list (the
/// process is warm, so this is the shaping cost, not JIT). One request per iteration, a new server before each.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[Config(typeof(FirstConfig))]
public class ToolsListFirstBenchmarks
{
    private RawMcpConnection _connection = null!;

    [Params("exact", "cursor", "claude", "vscode", "gemini", "openai")]
    public string Profile { get; set; } = "exact";

    [IterationSetup]
    public void StartServer() =>
        _connection = RawMcpConnection.StartAsync(ToolsListBenchmarks.SyntheticTools.Value, ClientNames.For(Profile)).GetAwaiter().GetResult();

    [IterationCleanup]
    public void StopServer() => _connection.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "tools/list, first")]
    public long First() => _connection.ListToolsAsync().GetAwaiter().GetResult();
}

/// <summary>A short in-process run: 3 warm-up and 15 measured iterations per case.</summary>
internal sealed class RepeatedConfig : ManualConfig
{
    public RepeatedConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15));
}

/// <summary>One request per iteration (a new server before each), 12 iterations, in process.</summary>
internal sealed class FirstConfig : ManualConfig
{
    public FirstConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(12));
}

/// <summary>The <c>clientInfo.name</c> each profile's client sends.</summary>
internal static class ClientNames
{
    public static string For(string profile) => profile switch
    {
        "exact" => "mcp-inspector",
        "cursor" => "cursor-vscode",
        "claude" => "claude-code",
        "vscode" => "Visual Studio Code",
        "gemini" => "gemini-cli",
        "openai" => "codex-mcp-client",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown profile."),
    };
}
