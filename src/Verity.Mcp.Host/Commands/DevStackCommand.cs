using Microsoft.Extensions.Configuration;
using Verity.Mcp.Host.Cli;

namespace Verity.Mcp.Host.Commands;

internal static class DevStackCommand
{
    public static async Task<int> RunAsync(ConfigurationManager configuration, TextWriter output, TextReader input, CancellationToken cancellationToken)
    {
        _ = configuration;
        _ = input;
        _ = cancellationToken;
        await output.WriteLineAsync("devstack: not available yet").ConfigureAwait(false);
        return ExitCodes.Failure;
    }
}
