using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Verity.Mcp.Host.Configuration;
using Verity.Mcp.Host.Server;

namespace Verity.Mcp.Host.Commands;

/// <summary>The stdio MCP server Cursor starts. Stdout carries JSON-RPC only; it contacts nothing until a tool is called.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(ConfigurationManager configuration, CancellationToken cancellationToken)
    {
        var logLevel = LogLevelSetting.Read(configuration, LogLevel.Warning);
        var builder = VerityHostBuilder.Create(configuration, logLevel, withApi: true, out var server);
        server.WithStdioServerTransport();
        using var host = builder.BuildValidated();

        CatalogDriftCheck.Run(
            configuration,
            CompiledCatalog.CatalogSha256,
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Verity.Mcp.Host"));
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return Cli.ExitCodes.Success;
    }
}
