using System.Diagnostics;

namespace Verity.Mcp.Telemetry;

/// <summary>
/// The span and metrics of one tool call. The span, <c>execute_tool {tool}</c> (kind internal, the GenAI conventions'
/// tool execution span), nests under the MCP SDK's <c>tools/call {tool}</c> server span when that is recorded, and is
/// the parent of the upstream request's span. Nothing from the arguments or the result is recorded.
/// </summary>
internal readonly struct ToolCallActivity
{
    private readonly Activity? _activity;
    private readonly McpMetrics? _metrics;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly string _toolName;

    private ToolCallActivity(Activity? activity, McpMetrics? metrics, TimeProvider time, string toolName)
    {
        _activity = activity;
        _metrics = metrics;
        _time = time;
        _toolName = toolName;
        _started = time.GetTimestamp();
    }

    public static ToolCallActivity Start(string toolName, McpMetrics? metrics, TimeProvider time)
    {
        var activity = McpTelemetry.ActivitySource.StartActivity(TelemetryAttributes.ExecuteTool + " " + toolName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TelemetryAttributes.GenAiOperationName, TelemetryAttributes.ExecuteTool);
            activity.SetTag(TelemetryAttributes.GenAiToolName, toolName);
            activity.SetTag(TelemetryAttributes.GenAiToolType, TelemetryAttributes.ExtensionTool);
            activity.SetTag(TelemetryAttributes.McpMethodName, TelemetryAttributes.ToolsCall);
        }

        return new ToolCallActivity(activity, metrics, time, toolName);
    }

    public void Stop(string outcome)
    {
        _metrics?.RecordToolCall(_toolName, outcome, _time.GetElapsedTime(_started));
        if (_activity is null)
        {
            return;
        }

        _activity.SetTag(TelemetryAttributes.ToolOutcome, outcome);
        if (outcome != ToolCallOutcome.Ok)
        {
            _activity.SetTag(TelemetryAttributes.ErrorType, outcome);
            _activity.SetStatus(ActivityStatusCode.Error);
        }

        _activity.Dispose();
    }
}
