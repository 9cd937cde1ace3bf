using System.Text.Json;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>
/// The stdio server exports spans and metrics over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set: they reach a
/// loopback receiver, stdout stays JSON-RPC only, and no secret, token or argument value is in what is exported.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TelemetryExportTests(DevStackFixture fixture)
{
    private const string MissingAgent = "agt_missing_5123";

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Spans_and_metrics_reach_the_otlp_endpoint_and_stdout_stays_json_rpc(string variant)
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var environment = fixture.ServerEnvironment(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Endpoint),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_SERVICE_NAME", "verity-mcp-e2e"),
            ("VERITY_LOG_LEVEL", "Trace"));
        var session = await ServerSession.StartAsync(HostVariant.Named(variant), environment);
        await using (session)
        {
            await session.Client.ListToolsAsync();
            (await session.Client.CallAsync("get_agent", """{"agentId":"agt_01"}""")).Json();
            Assert.True((await session.Client.CallAsync("get_agent", $$"""{"agentId":"{{MissingAgent}}"}""")).IsError);
            await session.Client.DisposeAsync();
            // Stopping flushes both exporters.
            Assert.Equal(0, await session.Process.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30)));
        }

        var traces = receiver.Traces;
        Assert.True(OtlpReceiver.Contains(traces, "verity-mcp-e2e"), "service.name");
        Assert.True(OtlpReceiver.Contains(traces, "tools/call get_agent"), "the MCP SDK's server span");
        Assert.True(OtlpReceiver.Contains(traces, "execute_tool get_agent"), "the tool span");
        Assert.True(OtlpReceiver.Contains(traces, "GET /api/agents/{agentId}"), "the upstream span");
        Assert.True(OtlpReceiver.Contains(traces, "gen_ai.tool.name"));
        var metrics = receiver.Metrics;
        Assert.True(OtlpReceiver.Contains(metrics, "verity.mcp.tool.calls"));
        Assert.True(OtlpReceiver.Contains(metrics, "verity.mcp.upstream.responses"));
        Assert.True(OtlpReceiver.Contains(metrics, "verity.mcp.clerk.token_mints"));

        foreach (var exported in new[] { traces, metrics })
        {
            Assert.False(OtlpReceiver.Contains(exported, fixture.Stack.SecretKey));
            Assert.False(OtlpReceiver.Contains(exported, "eyJ"));
            Assert.False(OtlpReceiver.Contains(exported, MissingAgent));
            Assert.False(OtlpReceiver.Contains(exported, "Bearer"));
        }

        Assert.NotEmpty(session.Process.StdoutLines);
        foreach (var line in session.Process.StdoutLines)
        {
            using var message = JsonDocument.Parse(line);
            Assert.Equal("2.0", message.RootElement.GetProperty("jsonrpc").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task An_exporter_that_could_write_to_stdout_exits_2_with_one_line(string variant)
    {
        await using var process = HostProcess.Start(HostVariant.Named(variant), ["serve"], fixture.ServerEnvironment(("OTEL_TRACES_EXPORTER", "console")));

        Assert.Equal(2, await process.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Empty(process.StdoutLines);
        var line = Assert.Single(process.StderrLines, text => text.Length > 0);
        Assert.Contains("OTEL_TRACES_EXPORTER", line, StringComparison.Ordinal);
    }
}
