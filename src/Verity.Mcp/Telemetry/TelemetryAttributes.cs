namespace Verity.Mcp.Telemetry;

/// <summary>
/// Attribute names: the OpenTelemetry semantic conventions' where one exists (GenAI tool execution, MCP, HTTP client),
/// else under <c>verity.mcp.</c>. Every value is low-cardinality and none is taken from arguments, tokens or bodies.
/// </summary>
internal static class TelemetryAttributes
{
    public const string GenAiOperationName = "gen_ai.operation.name";
    public const string GenAiToolName = "gen_ai.tool.name";
    public const string GenAiToolType = "gen_ai.tool.type";
    public const string McpMethodName = "mcp.method.name";
    public const string ErrorType = "error.type";
    public const string HttpRequestMethod = "http.request.method";
    public const string HttpResponseStatusCode = "http.response.status_code";
    public const string HttpRequestResendCount = "http.request.resend_count";
    public const string UrlTemplate = "url.template";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string ToolOutcome = "verity.mcp.tool.outcome";
    public const string RejectionReason = "verity.mcp.rejection.reason";

    /// <summary>The GenAI conventions' operation of a tool's execution; the span is named <c>execute_tool {tool}</c>.</summary>
    public const string ExecuteTool = "execute_tool";

    /// <summary>The GenAI conventions' type of a tool that runs outside the agent and calls an external API.</summary>
    public const string ExtensionTool = "extension";

    public const string ToolsCall = "tools/call";
}
