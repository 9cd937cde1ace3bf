using ModelContextProtocol;
using Verity.Common;

namespace Verity.DevStack.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            var commandLine = CommandLine.Parse(args);
            return await RunAsync(commandLine).ConfigureAwait(false);
        }
        catch (UsageException usage)
        {
            await Console.Error.WriteLineAsync($"verity-devstack: {usage.Message}").ConfigureAwait(false);
            return ExitCodes.BadUsage;
        }
    }

    private static async Task<int> RunAsync(CommandLine commandLine)
    {
        if (commandLine.Verb == Verb.Help)
        {
            await Console.Out.WriteAsync(CommandLine.Usage).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        // Resolved before the stack starts, so a missing server is one line rather than a half-started demo.
        var server = commandLine.Verb == Verb.Demo ? ServerLaunch.Resolve(commandLine.ServerPath) : null;
        using var stop = new StopSignals();
        try
        {
            return server is null
                ? await RunCommand.RunAsync(Console.Out, Console.In, stop.Token).ConfigureAwait(false)
                : await DemoCommand.RunAsync(server, Console.Out, stop.Token).ConfigureAwait(false);
        }
        catch (Exception stopped) when (stop.StopRequested && stopped is OperationCanceledException or McpException)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception failure) when (failure is DemoStepFailedException or McpException)
        {
            await Console.Error.WriteLineAsync($"verity-devstack: demo: {failure.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
