using Microsoft.Extensions.Configuration;
using Verity.Mcp.Host.Cli;

namespace Verity.Mcp.Host.Commands;

internal static class DemoCommand
{
    public static async Task<int> RunAsync(ConfigurationManager configuration, TextWriter output, CancellationToken cancellationToken)
    {
        _ = configuration;
        _ = cancellationToken;
        await output.WriteLineAsync("demo: not available yet").ConfigureAwait(false);
        return ExitCodes.Failure;
    }
}
