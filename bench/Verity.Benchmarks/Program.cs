using BenchmarkDotNet.Running;
using Verity.Benchmarks.Host;

namespace Verity.Benchmarks;

public static class Program
{
    /// <summary>
    /// Runs the suites picked with <c>--filter</c> (e.g. <c>--filter '*HttpPipeline*'</c>); with no arguments, asks.
    /// <c>tools-list-size</c> prints the <c>tools/list</c> answer size per catalog and tool mode.
    /// <c>host-startup</c> / <c>host-latency</c> / <c>host-refusal</c> run the process-level host measurements instead (see <see cref="HostBenchmarkCommand"/>).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args is [Search.ToolsListSizeCommand.Name])
        {
            return Search.ToolsListSizeCommand.RunAsync().GetAwaiter().GetResult();
        }

        if (HostBenchmarkCommand.Handles(args))
        {
            return HostBenchmarkCommand.RunAsync(args).GetAwaiter().GetResult();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
