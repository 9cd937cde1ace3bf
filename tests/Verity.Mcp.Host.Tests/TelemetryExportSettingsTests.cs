using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Verity.Common.Telemetry;

namespace Verity.Mcp.Host.Tests;

/// <summary>Which OTEL_* settings switch export on, for which signal, and which stop the server.</summary>
public sealed class TelemetryExportSettingsTests
{
    [Fact]
    public void Nothing_set_registers_nothing()
    {
        var services = new ServiceCollection();

        Assert.False(services.AddOpenTelemetryExport(Settings(), "verity-mcp", "1.0.0"));
        Assert.Empty(services);
    }

    [Fact]
    public void An_endpoint_switches_on_both_signals()
    {
        using var provider = Build(Settings(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318")), out var on);

        Assert.True(on);
        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }

    [Fact]
    public void None_turns_one_signal_off()
    {
        using var provider = Build(Settings(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"), ("OTEL_TRACES_EXPORTER", "none")), out var on);

        Assert.True(on);
        Assert.Null(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }

    [Fact]
    public void Sdk_disabled_wins_over_an_endpoint()
    {
        var services = new ServiceCollection();

        Assert.False(services.AddOpenTelemetryExport(
            Settings(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"), ("OTEL_SDK_DISABLED", "TRUE")), "verity-mcp", "1.0.0"));
        Assert.Empty(services);
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "localhost:4317")]
    [InlineData("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "ftp://collector")]
    [InlineData("OTEL_METRICS_EXPORTER", "prometheus")]
    public void An_unusable_value_is_a_configuration_error_naming_the_setting(string key, string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddOpenTelemetryExport(Settings((key, value)), "verity-mcp", "1.0.0"));

        Assert.StartsWith(key, Assert.Single(failure.Failures), StringComparison.Ordinal);
    }

    private static ServiceProvider Build(IConfiguration configuration, out bool on)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        on = services.AddOpenTelemetryExport(configuration, "verity-mcp", "1.0.0");
        return services.BuildServiceProvider();
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value))).Build();
}
