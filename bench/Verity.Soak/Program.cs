using Verity.Soak;

// The soak run behind docs/reliability.md: bash bench/soak.sh [--calls N] [--seed N]
try
{
    var options = SoakOptions.Parse(args);
    var totals = await SoakRun.RunAsync(options, Console.Out).ConfigureAwait(false);
    Console.Write(totals);
    return totals.Passed ? 0 : 1;
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync("soak: " + exception.Message).ConfigureAwait(false);
    return 2;
}
