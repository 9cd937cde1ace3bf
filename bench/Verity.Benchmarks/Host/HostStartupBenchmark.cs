using System.Diagnostics;
using System.Globalization;

namespace Verity.Benchmarks.Host;

/// <summary>
/// Spawn → <c>tools/list</c> answered, as Cursor experiences it on every window: start the process, send
/// <c>initialize</c>, wait for its answer, send <c>notifications/initialized</c> and <c>tools/list</c>, stop the clock
/// at the <c>tools/list</c> answer. The server contacts nothing at start, so fake settings suffice.
/// </summary>
internal static class HostStartupBenchmark
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"startup-bench","version":"1.0"}}}""";

    private const string Initialized = """{"jsonrpc":"2.0","method":"notifications/initialized"}""";
    private const string ListTools = """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""";

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["CLERK_SECRET_KEY"] = "sk_test_startup_benchmark_not_used",
        ["VERITY_BASE_URL"] = "http://127.0.0.1:9",
        ["VERITY_LOG_LEVEL"] = "Warning",
    };

    public static async Task<int> RunAsync(IReadOnlyList<HostUnderTest> hosts, int runs, int warmups)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Spawn → tools/list answered, {runs} runs after {warmups} warm-up runs per host, the hosts taking turns (ms)."));
        Console.WriteLine();
        Console.WriteLine("| host | tools | median | min | p90 | max | median to initialize answer | median CPU time used (user+sys) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        // Round robin (each run starts every host once, in turn), so a burst of the machine's other load falls on all
        // of them alike rather than on whichever host was being measured at the time.
        var samples = hosts.Select(static _ => new HostSamples()).ToList();
        for (var run = 0; run < warmups + runs; run++)
        {
            for (var index = 0; index < hosts.Count; index++)
            {
                var (initializeMs, listMs, cpuMs, count) = await MeasureOnceAsync(hosts[index]);
                if (run >= warmups)
                {
                    samples[index].Add(initializeMs, listMs, cpuMs, count);
                }
            }
        }

        for (var index = 0; index < hosts.Count; index++)
        {
            var (toolsList, initialize, cpu) = (samples[index].ToolsList, samples[index].Initialize, samples[index].Cpu);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {hosts[index].Name} | {samples[index].Tools} | {Percentiles.Median(toolsList):0.0} | {toolsList.Min():0.0} | {Percentiles.Of(toolsList, 90):0.0} | {toolsList.Max():0.0} | {Percentiles.Median(initialize):0.0} | {Percentiles.Median(cpu):0.0} |"));
        }

        return 0;
    }

    /// <summary>
    /// Wall-clock times, plus the CPU time the process had used when it answered: on a shared machine the wall clock
    /// includes waiting for a core, the CPU time does not.
    /// </summary>
    private static async Task<(double Initialize, double ToolsList, double Cpu, int Tools)> MeasureOnceAsync(HostUnderTest host)
    {
        var start = host.StartInfo(Environment);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host.Path}.");
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await process.StandardInput.WriteLineAsync(Initialize);
        await process.StandardInput.FlushAsync();
        await ReadAnswerAsync(process, "\"id\":1", timeout.Token);
        var initialize = clock.Elapsed.TotalMilliseconds;

        await process.StandardInput.WriteLineAsync(Initialized);
        await process.StandardInput.WriteLineAsync(ListTools);
        await process.StandardInput.FlushAsync();
        var answer = await ReadAnswerAsync(process, "\"id\":2", timeout.Token);
        var toolsList = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        var cpu = process.TotalProcessorTime.TotalMilliseconds;

        process.StandardInput.Close();
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{host.Name} exited {process.ExitCode}: {await stderr}");
        }

        return (initialize, toolsList, cpu, CountOccurrences(answer, "\"inputSchema\""));
    }

    private sealed class HostSamples
    {
        public List<double> ToolsList { get; } = [];

        public List<double> Initialize { get; } = [];

        public List<double> Cpu { get; } = [];

        public int Tools { get; private set; }

        public void Add(double initialize, double toolsList, double cpu, int tools)
        {
            Initialize.Add(initialize);
            ToolsList.Add(toolsList);
            Cpu.Add(cpu);
            Tools = tools;
        }
    }

    private static async Task<string> ReadAnswerAsync(Process process, string idMarker, CancellationToken cancellationToken)
    {
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Contains(idMarker, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException("The server closed stdout before answering.");
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
