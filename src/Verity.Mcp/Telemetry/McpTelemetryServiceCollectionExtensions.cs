using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Verity.Mcp.Telemetry;

public static class McpTelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="McpMetrics"/> and the <see cref="System.Diagnostics.Metrics.IMeterFactory"/> it needs.
    /// The API client and Clerk registrations call it; it adds no exporter (the application chooses one).
    /// Calling it again does nothing.
    /// </summary>
    public static IServiceCollection AddMcpTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.TryAddSingleton<McpMetrics>();
        return services;
    }
}
