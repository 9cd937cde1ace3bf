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
/// gets it. "Repeated" is every request after a connection's first (the shaped list is kept per profile per process);
/// <c>exact</c> is today's list, unchanged. Target: each repeated shaped list within 10 % of the exact one.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[Config(typeof(RepeatedConfig))]
public class ToolsListBenchmarks
{
    private RawMcpConnection _connection = null!;

    [Params("exact", "cursor", "claude", "vscode", "gemini", "openai")]
    public string Profile { get; set; } = "exact";

    [GlobalSetup]
    public void Setup()
    {
        _connection = RawMcpConnection.StartAsync(SyntheticTools.Value, ClientNames.For(Profile)).GetAwaiter().GetResult();
        var bytes = _connection.ListToolsAsync().GetAwaiter().GetResult(); // the first request shapes the list
        Console.Error.WriteLine($"SIZE {Profile} {bytes}");
    }

    [GlobalCleanup]
    public void Cleanup() => _connection.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "tools/list, repeated")]
    public Task<long> Repeated() => _connection.ListToolsAsync();

    internal static readonly Lazy<IReadOnlyList<Tool>> SyntheticTools = new(() => GeneratedToolSchemas.FromCatalog(SyntheticCatalog.Create(1000)));
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

/// <summary>A short in-process run: 3 warm-up and 10 measured iterations, so the suite takes about a minute.</summary>
internal sealed class RepeatedConfig : ManualConfig
{
    public RepeatedConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
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
