using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Verity.DevStack;
using Verity.DevStack.Clerk;

namespace Verity.Benchmarks.Host;

/// <summary>
/// What the MCP server adds to one API call: <c>tools/call get_agent</c> through verity-mcp over stdio (JSON-RPC,
/// argument binding, Clerk token from the cache, the HTTP pipeline, result mapping) against a plain
/// <see cref="HttpClient"/> GET of the same endpoint with a token, both against the same loopback sample API.
/// </summary>
internal static class HostCallLatencyBenchmark
{
    private const string AgentPath = "/api/agents/agt_01";

    public static async Task<int> RunAsync(IReadOnlyList<HostUnderTest> hosts, int calls, int warmups)
    {
        await using var stack = await DevStackHost.StartAsync();
        var token = stack.Clerk.IssueToken(ClerkEmulatorSeed.AliceSessionId, lifetimeSeconds: 3600);

        using var http = new HttpClient { BaseAddress = new Uri(stack.VerityBaseUrl) };
        var direct = await MeasureAsync(calls, warmups, async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, AgentPath);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"One get_agent call, {calls} calls after {warmups} warm-up calls (ms); added = through the host minus the direct call."));
        Console.WriteLine();
        Console.WriteLine("| path | p50 | p90 | p99 | added p50 | added p99 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| direct HttpClient GET | {Percentiles.Median(direct):0.000} | {Percentiles.Of(direct, 90):0.000} | {Percentiles.Of(direct, 99):0.000} | | |"));

        foreach (var host in hosts)
        {
            var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["CLERK_API_URL"] = stack.ClerkApiUrl,
                ["CLERK_SECRET_KEY"] = stack.SecretKey,
                ["CLERK_USER_EMAIL"] = ClerkEmulatorSeed.AliceEmail,
                ["CLERK_TOKEN_LIFETIME_SECONDS"] = "3600",
                ["VERITY_BASE_URL"] = stack.VerityBaseUrl,
                ["VERITY_LOG_LEVEL"] = "Warning",
            };
            var transport = new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = host.Name,
                Command = host.Command,
                Arguments = [.. host.Arguments],
                EnvironmentVariables = environment,
            });
            await using var client = await McpClient.CreateAsync(transport);
            var arguments = new Dictionary<string, JsonElement> { ["agentId"] = JsonSerializer.SerializeToElement("agt_01") };
            var through = await MeasureAsync(calls, warmups, async () =>
            {
                var result = await client.CallToolAsync(new CallToolRequestParams { Name = "get_agent", Arguments = arguments });
                if (result.IsError == true)
                {
                    throw new InvalidOperationException(string.Join(" ", result.Content.OfType<TextContentBlock>().Select(b => b.Text)));
                }
            });

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| through verity-mcp ({host.Name}) | {Percentiles.Median(through):0.000} | {Percentiles.Of(through, 90):0.000} | {Percentiles.Of(through, 99):0.000} | {Percentiles.Median(through) - Percentiles.Median(direct):0.000} | {Percentiles.Of(through, 99) - Percentiles.Of(direct, 99):0.000} |"));
        }

        return 0;
    }

    private static async Task<List<double>> MeasureAsync(int calls, int warmups, Func<Task> call)
    {
        for (var i = 0; i < warmups; i++)
        {
            await call();
        }

        var samples = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return samples;
    }
}
