using Verity.Load;

// The load run behind docs/benchmarks.md's remote-mode table: bash bench/load.sh [options]
try
{
    var options = LoadOptions.Parse(args);
    var report = await LoadRun.RunAsync(options, Console.Error).ConfigureAwait(false);
    Console.Write(report.ToMarkdown());
    return report.AllCallsSucceeded ? 0 : 1;
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync("load: " + exception.Message).ConfigureAwait(false);
    return 2;
}
