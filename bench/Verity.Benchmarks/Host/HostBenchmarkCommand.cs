using System.Globalization;

namespace Verity.Benchmarks.Host;

/// <summary>
/// The host measurements are about separate processes (start-up, stdio round trips), which BenchmarkDotNet's
/// in-process model does not fit, so they run as plain commands:
/// <c>host-startup [--runs 20] [--warmups 2] --host NAME=PATH ...</c> and
/// <c>host-latency [--calls 500] [--warmups 1000] --host NAME=PATH ...</c>. <c>bench/startup.sh</c> builds the hosts and runs both.
/// <c>host-refusal [--calls 20] [--warmups 3] --host NAME=PATH ...</c> times the refusal of an oversized argument.
/// </summary>
internal static class HostBenchmarkCommand
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "host-startup" or "host-latency" or "host-refusal";

    public static async Task<int> RunAsync(string[] args)
    {
        var hosts = new List<HostUnderTest>();
        int? count = null;
        int? warmups = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--host":
                    hosts.Add(HostUnderTest.Parse(args[++i]));
                    break;
                case "--runs" or "--calls":
                    count = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--warmups":
                    warmups = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        if (hosts.Count == 0)
        {
            throw new ArgumentException("Name at least one host: --host NAME=PATH (a verity-mcp binary or verity-mcp.dll).");
        }

        return args[0] switch
        {
            "host-startup" => await HostStartupBenchmark.RunAsync(hosts, count ?? 20, warmups ?? 2),
            "host-refusal" => await HostRefusalBenchmark.RunAsync(hosts, count ?? 20, warmups ?? 3),
            _ => await HostCallLatencyBenchmark.RunAsync(hosts, count ?? 500, warmups ?? 1000),
        };
    }
}
