using System.Diagnostics;
using Verity.Mcp.Telemetry;

namespace Verity.Mcp.Tests.Telemetry;

/// <summary>
/// The MCP SDK puts a tool error's content into its span's status description; <see cref="McpTelemetry.RedactSdkSpan"/>
/// takes it out and keeps the status, and leaves other sources' spans alone.
/// </summary>
public sealed class SdkSpanRedactionTests
{
    [Fact]
    public void The_sdk_span_keeps_its_error_status_without_the_result_text()
    {
        using var source = new ActivitySource(McpTelemetry.SdkName);
        using var listener = Listen(McpTelemetry.SdkName);
        using var span = source.StartActivity("tools/call get_agent")!;
        span.SetTag("error.type", "tool_error");
        span.SetStatus(ActivityStatusCode.Error, """[{"type":"text","text":"No agent with id agt_secret_1"}]""");

        McpTelemetry.RedactSdkSpan(span);

        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Null(span.StatusDescription);
        Assert.Equal("tool_error", span.GetTagItem("error.type"));
    }

    [Fact]
    public void Another_source_keeps_its_description()
    {
        using var source = new ActivitySource("Some.Other.Library");
        using var listener = Listen("Some.Other.Library");
        using var span = source.StartActivity("work")!;
        span.SetStatus(ActivityStatusCode.Error, "its own words");

        McpTelemetry.RedactSdkSpan(span);

        Assert.Equal("its own words", span.StatusDescription);
    }

    private static ActivityListener Listen(string name)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
