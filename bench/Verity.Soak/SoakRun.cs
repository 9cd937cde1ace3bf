using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Verity.DevStack;

namespace Verity.Soak;

/// <summary>
/// Drives tool calls with random faults through the stdio server against the dev stack, then counts what must
/// never happen: a non-idempotent request that reached the API twice, a secret or token in any output, a crash.
/// </summary>
internal static partial class SoakRun
{
    public static async Task<SoakTotals> RunAsync(SoakOptions options, TextWriter progress)
    {
        await using var stack = await DevStackHost.StartAsync(new DevStackOptions()).ConfigureAwait(false);
        var environment = new Dictionary<string, string>(stack.Settings)
        {
            ["VERITY_TIMEOUT_SECONDS"] = "2",
            ["CLERK_TOKEN_LIFETIME_SECONDS"] = "30",
            ["CLERK_CREATE_SESSION"] = "true",
            ["VERITY_LOG_LEVEL"] = "Debug",
        };

        var totals = new SoakTotals { Calls = options.Calls, WarmUpCalls = options.WarmUpCalls };
        var random = new Random(options.Seed);
        var secrets = new List<string> { stack.SecretKey };
        var markers = new List<string>();
        var clock = Stopwatch.StartNew();
        var server = await ServerProcess.StartAsync(options.HostPath, environment).ConfigureAwait(false);
        try
        {
            for (var i = 0; i < options.Calls; i++)
            {
                if (i == options.WarmUpCalls)
                {
                    totals.MemoryAtStart = server.ResidentBytes();
                    totals.HeapAtStart = await ManagedHeap.MeasureAsync(options.GcdumpTool, server.Id).ConfigureAwait(false);
                }

                var call = SoakCall.Pick(random, i);
                var fault = call.Hostile ? null : SoakFault.Pick(random);
                fault?.Arm(stack, call);
                totals.FaultsInjected += fault is null && !call.Hostile ? 0 : 1;
                totals.HostileCalls += call.Hostile ? 1 : 0;
                if (call.Marker is not null)
                {
                    markers.Add(call.Marker);
                }

                var sentBefore = stack.Api.Requests.Requests.Count;
                try
                {
                    var result = await server.Client.CallToolAsync(call.Tool, call.Arguments).ConfigureAwait(false);
                    totals.ErrorResults += result.IsError == true ? 1 : 0;
                    totals.Leaks += CountLeaks(Texts(result), secrets);
                    if (call.Hostile && (result.IsError != true || stack.Api.Requests.Requests.Count != sentBefore))
                    {
                        totals.HostileAccepted++;
                    }
                }
                catch (McpException exception)
                {
                    totals.ProtocolErrors++;
                    await progress.WriteLineAsync($"protocol error on {call.Tool} ({fault?.Name ?? "no fault"}): {exception.Message}").ConfigureAwait(false);
                    if (server.HasExited)
                    {
                        totals.Crashes++;
                        await progress.WriteLineAsync($"server exited with {server.ExitCode}; restarting").ConfigureAwait(false);
                        await server.DisposeAsync().ConfigureAwait(false);
                        server = await ServerProcess.StartAsync(options.HostPath, environment).ConfigureAwait(false);
                    }
                }
                finally
                {
                    stack.Api.Faults.Clear();
                }

                if ((i + 1) % 1000 == 0)
                {
                    await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{i + 1} calls, {clock.Elapsed.TotalSeconds:0} s, server RSS {server.ResidentBytes() / (1024 * 1024)} MB")).ConfigureAwait(false);
                }
            }

            totals.MemoryAtEnd = server.ResidentBytes();
            totals.HeapAtEnd = await ManagedHeap.MeasureAsync(options.GcdumpTool, server.Id).ConfigureAwait(false);
        }
        finally
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }

        // Requests the server gave up on are recorded when the API finishes with them.
        await Task.Delay(TimeSpan.FromSeconds(4)).ConfigureAwait(false);
        totals.Duplicates = CountDuplicates(stack, markers);
        totals.Leaks += CountLeaks(server.StderrLines, secrets);
        totals.ApiFaultsServed = stack.Api.Faults.Served;
        totals.Elapsed = clock.Elapsed;
        return totals;
    }

    /// <summary>Non-idempotent calls whose marker reached the API more than once (401s excepted: the API did not act).</summary>
    private static int CountDuplicates(DevStackHost stack, IReadOnlyList<string> markers)
    {
        var reached = stack.Api.Requests.Requests
            .Where(r => r.Method is "POST" or "PATCH" && r.StatusCode != 401 && r.Body is not null)
            .Select(r => MarkerPattern().Match(r.Body!))
            .Where(m => m.Success)
            .GroupBy(m => m.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return markers.Count(m => reached.TryGetValue(m, out var count) && count > 1);
    }

    private static IEnumerable<string> Texts(CallToolResult result) =>
        result.Content.OfType<TextContentBlock>().Select(t => t.Text)
            .Concat(result.StructuredContent is { } structured ? [structured.ToString()] : []);

    private static int CountLeaks(IEnumerable<string> texts, IReadOnlyList<string> secrets) =>
        texts.Count(text => secrets.Any(s => text.Contains(s, StringComparison.Ordinal)) || JwtPattern().IsMatch(text));

    [GeneratedRegex(@"soak-\d{6}-[0-9a-f]{8}")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")]
    private static partial Regex JwtPattern();
}
