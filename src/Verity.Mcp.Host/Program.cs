using Verity.Common;
using Verity.Mcp.Host.Cli;
using Verity.Mcp.Host.Commands;
using Verity.Mcp.Host.Configuration;
using Verity.Mcp.Host.Server;

namespace Verity.Mcp.Host;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            var commandLine = CommandLineParser.Parse(args);
            return await RunAsync(commandLine).ConfigureAwait(false);
        }
        catch (Exception exception) when (ConfigurationProblem.Describe(exception) is { } message)
        {
            await Console.Error.WriteLineAsync($"verity-mcp: {message}").ConfigureAwait(false);
            return ExitCodes.BadConfiguration;
        }
        catch (Exception exception)
        {
            // One line for people; the stack trace only when they asked for detailed logs.
            var detailed = Environment.GetEnvironmentVariable(KnownSettings.LogLevel) is "Trace" or "Debug" or "trace" or "debug";
            await Console.Error.WriteLineAsync(detailed
                ? $"verity-mcp: {exception}"
                : $"verity-mcp: {exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")} (set VERITY_LOG_LEVEL=Debug for details)").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    private static async Task<int> RunAsync(CommandLine commandLine)
    {
        switch (commandLine.Verb)
        {
            case Verb.Help:
                await Console.Out.WriteAsync(HelpText.Build()).ConfigureAwait(false);
                return ExitCodes.Success;
            case Verb.Version:
                await Console.Out.WriteLineAsync(ServerIdentity.Version).ConfigureAwait(false);
                return ExitCodes.Success;
        }

        var configuration = HostConfiguration.Build(commandLine.SettingArguments);
        if (commandLine.Verb == Verb.Serve)
        {
            // The host's console lifetime owns SIGINT, SIGTERM and SIGQUIT here, and stops with exit code 0.
            return await ServeCommand.RunAsync(configuration, CancellationToken.None).ConfigureAwait(false);
        }

        using var stop = new StopSignals();
        try
        {
            return commandLine.Verb switch
            {
                Verb.Tools => await ToolsCommand.RunAsync(configuration, commandLine.Json, Console.Out, stop.Token).ConfigureAwait(false),
                Verb.Call => await CallCommand.RunAsync(configuration, commandLine.ToolName!, commandLine.ToolArguments, Console.Out, stop.Token).ConfigureAwait(false),
                Verb.Doctor => await DoctorCommand.RunAsync(configuration, Console.Out, stop.Token).ConfigureAwait(false),
                _ => throw new UsageException($"Unknown verb {commandLine.Verb}."),
            };
        }
        catch (Exception stopped) when (stop.StopRequested && stopped is OperationCanceledException or ModelContextProtocol.McpException)
        {
            return ExitCodes.Interrupted;
        }
    }
}
