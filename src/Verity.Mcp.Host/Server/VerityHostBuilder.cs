using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verity.Common.Telemetry;
using Verity.Mcp.Host.Configuration;

namespace Verity.Mcp.Host.Server;

/// <summary>
/// A lean host (no default sources, no file watching) with stderr logging, the MCP server and, when the verb
/// calls the API, the HTTP pipeline. The caller picks the transport.
/// </summary>
internal static class VerityHostBuilder
{
    public static HostApplicationBuilder Create(ConfigurationManager configuration, LogLevel logLevel, bool withApi, out IMcpServerBuilder server)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            Configuration = configuration,
            ApplicationName = "verity-mcp",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.AddStderrConsole(logLevel);
        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        server = builder.Services.AddVerityMcpServer();
        if (withApi)
        {
            builder.Services.AddVerityApiPipeline(configuration, "verity-mcp doctor");
            builder.Services.AddOpenTelemetryExport(configuration, "verity-mcp", ServerIdentity.Version);
        }

        return builder;
    }

    /// <summary>
    /// Builds the host and validates every option registered with ValidateOnStart now, so a bad setting surfaces as
    /// one <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> (one line, exit 2) instead of the
    /// host's "failed to start" log with a stack trace.
    /// </summary>
    public static IHost BuildValidated(this HostApplicationBuilder builder)
    {
        var host = builder.Build();
        try
        {
            host.Services.GetService<IStartupValidator>()?.Validate();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
