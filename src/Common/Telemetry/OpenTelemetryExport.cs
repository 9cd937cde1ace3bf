using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Verity.Mcp.Telemetry;

namespace Verity.Common.Telemetry;

/// <summary>
/// Exports the runtime's spans and metrics (and the MCP SDK's) over OTLP when the standard <c>OTEL_*</c> variables ask
/// for it. Compiled into each server rather than the runtime, so a library consumer of Verity.Mcp brings its own
/// exporter and never gets this one. With no OTLP endpoint set nothing is registered, so a server that was not asked
/// to export pays no start-up cost; the exporter sends over the network and never writes to stdout.
/// </summary>
internal static class OpenTelemetryExport
{
    public const string SdkDisabled = "OTEL_SDK_DISABLED";
    public const string Endpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string TracesEndpoint = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    public const string MetricsEndpoint = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT";
    public const string TracesExporter = "OTEL_TRACES_EXPORTER";
    public const string MetricsExporter = "OTEL_METRICS_EXPORTER";
    public const string ServiceName = "OTEL_SERVICE_NAME";

    /// <summary>
    /// Switches export on when an OTLP endpoint is set (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or a signal's own) or a
    /// signal's exporter is set to <c>otlp</c>; <c>OTEL_TRACES_EXPORTER</c>/<c>OTEL_METRICS_EXPORTER</c>=<c>none</c> turns
    /// a signal off, <c>OTEL_SDK_DISABLED=true</c> both. The exporter itself reads the other <c>OTEL_EXPORTER_OTLP_*</c>
    /// settings (protocol, headers, timeout) and <c>OTEL_RESOURCE_ATTRIBUTES</c>.
    /// </summary>
    /// <param name="serviceName">The <c>service.name</c> when <c>OTEL_SERVICE_NAME</c> is not set.</param>
    /// <param name="serviceVersion">The <c>service.version</c>.</param>
    /// <param name="configureTracing">Adds the server's own sources or instrumentation.</param>
    /// <param name="configureMetrics">Adds the server's own meters or instrumentation.</param>
    /// <returns>Whether anything is exported.</returns>
    /// <exception cref="OptionsValidationException">A setting has a value this server does not support (one line naming it).</exception>
    public static bool AddOpenTelemetryExport(
        this IServiceCollection services,
        IConfiguration configuration,
        string serviceName,
        string serviceVersion,
        Action<TracerProviderBuilder>? configureTracing = null,
        Action<MeterProviderBuilder>? configureMetrics = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        if (ReadFlag(configuration, SdkDisabled))
        {
            return false;
        }

        var endpointSet = CheckEndpoint(configuration, Endpoint) | CheckEndpoint(configuration, TracesEndpoint) | CheckEndpoint(configuration, MetricsEndpoint);
        var traces = Wanted(configuration, TracesExporter, endpointSet);
        var metrics = Wanted(configuration, MetricsExporter, endpointSet);
        if (!traces && !metrics)
        {
            return false;
        }

        var telemetry = services.AddOpenTelemetry();
        if (string.IsNullOrWhiteSpace(configuration[ServiceName]))
        {
            telemetry.ConfigureResource(resource => resource.AddService(serviceName, serviceVersion: serviceVersion));
        }

        if (traces)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(McpTelemetry.Name, McpTelemetry.SdkName);
                configureTracing?.Invoke(tracing);
                tracing.AddProcessor(new SdkSpanRedaction());
                tracing.AddOtlpExporter();
            });
        }

        if (metrics)
        {
            telemetry.WithMetrics(meters =>
            {
                meters.AddMeter(McpTelemetry.Name, McpTelemetry.SdkName);
                configureMetrics?.Invoke(meters);
                meters.AddOtlpExporter();
            });
        }

        return true;
    }

    /// <summary><c>otlp</c> exports (also without an endpoint: the exporter's default, localhost), <c>none</c> does not; unset follows the endpoint.</summary>
    private static bool Wanted(IConfiguration configuration, string key, bool endpointSet)
    {
        var value = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return endpointSet;
        }

        return value.ToLowerInvariant() switch
        {
            "otlp" => true,
            "none" => false,
            _ => throw Invalid(key, $"{key}={value} is not supported: use otlp or none (other exporters could write to the MCP stream)."),
        };
    }

    private static bool CheckEndpoint(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw Invalid(key, $"{key} must be an absolute http(s) URL such as http://localhost:4318.");
        }

        return true;
    }

    private static bool ReadFlag(IConfiguration configuration, string key)
    {
        var value = configuration[key]?.Trim();
        return value is not null && value.Equals("true", StringComparison.OrdinalIgnoreCase);
    }

    private static OptionsValidationException Invalid(string key, string message) => new(key, typeof(string), [message]);
}
