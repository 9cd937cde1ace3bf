using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Verity.Benchmarks.Host;

/// <summary>
/// How long verity-mcp takes to refuse an oversized argument: <c>tools/call search_contacts</c> whose <c>tag</c> array
/// has 50,000 distinct items (the catalog allows 10), against the same call with 11 items, through the server over
/// stdio. The refusal happens before any request is built, so the server gets fake settings and no API. Reports the
/// round trip as the client sees it and the CPU time the server process used for the call.
/// </summary>
internal static class HostRefusalBenchmark
{
    private const int HugeCount = 50_000;

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["CLERK_SECRET_KEY"] = "sk_test_refusal_benchmark_not_used",
        ["VERITY_BASE_URL"] = "http://127.0.0.1:9",
        ["VERITY_LOG_LEVEL"] = "Warning",
    };

    public static async Task<int> RunAsync(IReadOnlyList<HostUnderTest> hosts, int calls, int warmups)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search_contacts refused for its tag array, {calls} calls after {warmups} warm-up calls per case (ms): round trip, and server CPU (user+sys)."));
        Console.WriteLine();
        Console.WriteLine("| host | tag items | round trip p50 | p90 | max | server CPU p50 | server CPU max |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var host in hosts)
        {
            using var process = Process.Start(host.StartInfo(Environment))
                ?? throw new InvalidOperationException($"Could not start {host.Path}.");
            _ = process.StandardError.ReadToEndAsync();
            try
            {
                var transport = new StreamClientTransport(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
                await using var client = await McpClient.CreateAsync(transport);
                foreach (var count in new[] { 11, HugeCount })
                {
                    var arguments = new Dictionary<string, JsonElement>
                    {
                        ["tag"] = JsonSerializer.SerializeToElement(Enumerable.Range(0, count).Select(i => $"tag-{i:00000}").ToArray()),
                    };
                    var (wall, cpu) = await MeasureAsync(process, client, arguments, calls, warmups);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {host.Name} | {count:N0} | {Percentiles.Median(wall):0.0} | {Percentiles.Of(wall, 90):0.0} | {wall.Max():0.0} | {Percentiles.Median(cpu):0.0} | {cpu.Max():0.0} |"));
                }
            }
            finally
            {
                process.StandardInput.Close();
                if (!process.WaitForExit(10_000))
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }

        return 0;
    }

    private static async Task<(List<double> Wall, List<double> Cpu)> MeasureAsync(
        Process process, McpClient client, Dictionary<string, JsonElement> arguments, int calls, int warmups)
    {
        var wall = new List<double>(calls);
        var cpu = new List<double>(calls);
        for (var i = 0; i < warmups + calls; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            var result = await client.CallToolAsync(new CallToolRequestParams { Name = "search_contacts", Arguments = arguments });
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            process.Refresh();
            if (result.IsError != true)
            {
                throw new InvalidOperationException("search_contacts was not refused.");
            }

            if (i >= warmups)
            {
                wall.Add(elapsed);
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }
        }

        return (wall, cpu);
    }
}
