using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;
using Verity.Common.Telemetry;
using Verity.Mcp.Host.Configuration;
using Verity.Mcp.NativeAot;

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

        AddClosedStartServices(builder.Services);

        return builder;
    }

    /// <summary>
    /// The options of the host and the SDK that every start resolves, registered as closed
    /// types: from the open-generic registrations Native AOT would build each type at run time (measured, the largest
    /// part of a start's CPU time).
    /// </summary>
    private static void AddClosedStartServices(IServiceCollection services) => services
        .AddClosedOptions<HostOptions>()
        .AddClosedOptions<ConsoleLifetimeOptions>()
        .AddClosedOptions<MetricsOptions>()
        .AddClosedOptions<McpServerOptions>();

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
