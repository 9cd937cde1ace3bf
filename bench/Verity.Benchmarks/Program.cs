using BenchmarkDotNet.Running;

namespace Verity.Benchmarks;

public static class Program
{
    /// <summary>Runs the suites picked with <c>--filter</c> (e.g. <c>--filter '*HttpPipeline*'</c>); with no arguments, asks.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
