using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Verity.Mcp.Auth;

namespace Verity.Mcp.Telemetry;

/// <summary>
/// The runtime's instruments, on the <see cref="McpTelemetry.Name"/> meter created through <see cref="IMeterFactory"/>
/// (so each service provider, and each test, has its own). Tool calls and upstream requests are recorded by the
/// runtime itself; a server that checks incoming access tokens records its refusals with
/// <see cref="RecordRejectedIncomingToken"/>.
/// </summary>
public sealed class McpMetrics
{
    public const string ToolCallsName = "verity.mcp.tool.calls";
    public const string ToolCallDurationName = "verity.mcp.tool.duration";
    public const string UpstreamResponsesName = "verity.mcp.upstream.responses";
    public const string UpstreamDurationName = "verity.mcp.upstream.duration";
    public const string TokenMintsName = "verity.mcp.clerk.token_mints";
    public const string TokenMintFailuresName = "verity.mcp.clerk.token_mint_failures";
    public const string RejectedIncomingTokensName = "verity.mcp.incoming_tokens.rejected";

    // The MCP conventions' boundaries for operation durations; the HTTP conventions' for client requests.
    private static readonly double[] ToolBuckets = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300];
    private static readonly double[] HttpBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly Counter<long> _toolCalls;
    private readonly Histogram<double> _toolDuration;
    private readonly Counter<long> _upstreamResponses;
    private readonly Histogram<double> _upstreamDuration;
    private readonly Counter<long> _tokenMints;
    private readonly Counter<long> _tokenMintFailures;
    private readonly Counter<long> _rejectedIncomingTokens;

    public McpMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(McpTelemetry.Name, McpTelemetry.Version);
        _toolCalls = meter.CreateCounter<long>(ToolCallsName, "{call}", "Tool calls, by tool and outcome.");
        _toolDuration = meter.CreateHistogram(ToolCallDurationName, "s", "Duration of tool calls, from arguments to result.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ToolBuckets });
        _upstreamResponses = meter.CreateCounter<long>(UpstreamResponsesName, "{response}",
            "Upstream API attempts, by endpoint template and status code (error.type when no answer came).");
        _upstreamDuration = meter.CreateHistogram(UpstreamDurationName, "s", "Duration of upstream API attempts until the response headers arrived.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = HttpBuckets });
        _tokenMints = meter.CreateCounter<long>(TokenMintsName, "{token}", "Clerk session tokens minted.");
        _tokenMintFailures = meter.CreateCounter<long>(TokenMintFailuresName, "{failure}", "Clerk session token mints that failed, by error.type.");
        _rejectedIncomingTokens = meter.CreateCounter<long>(RejectedIncomingTokensName, "{token}",
            "Incoming access tokens the server refused, by reason.");
    }

    /// <summary>
    /// Counts one refused incoming access token. <paramref name="reason"/> must be a short fixed word chosen by the
    /// caller (such as <c>missing</c>, <c>expired</c>, <c>audience</c>, <c>issuer</c>, <c>signature</c>,
    /// <c>unknown_kid</c>, <c>insufficient_scope</c>), never anything read from the token.
    /// </summary>
    public void RecordRejectedIncomingToken(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        _rejectedIncomingTokens.Add(1, new KeyValuePair<string, object?>(TelemetryAttributes.RejectionReason, reason));
    }

    internal void RecordToolCall(string toolName, string outcome, TimeSpan duration)
    {
        var tags = new TagList
        {
            { TelemetryAttributes.GenAiToolName, toolName },
            { TelemetryAttributes.ToolOutcome, outcome },
        };
        _toolCalls.Add(1, tags);
        _toolDuration.Record(duration.TotalSeconds, tags);
    }

    internal void RecordUpstream(string method, string urlTemplate, int? statusCode, string? errorType, TimeSpan duration)
    {
        var tags = new TagList
        {
            { TelemetryAttributes.HttpRequestMethod, method },
            { TelemetryAttributes.UrlTemplate, urlTemplate },
        };
        if (statusCode is { } status)
        {
            tags.Add(TelemetryAttributes.HttpResponseStatusCode, status);
        }

        if (errorType is not null)
        {
            tags.Add(TelemetryAttributes.ErrorType, errorType);
        }

        _upstreamResponses.Add(1, tags);
        _upstreamDuration.Record(duration.TotalSeconds, tags);
    }

    internal void RecordTokenMinted() => _tokenMints.Add(1);

    internal void RecordTokenMintFailed(Exception exception) =>
        _tokenMintFailures.Add(1, new KeyValuePair<string, object?>(TelemetryAttributes.ErrorType, MintErrorType(exception)));

    /// <summary>Clerk's status code when it answered, else the exception's type: never its message, which may quote Clerk.</summary>
    internal static string MintErrorType(Exception exception) => exception switch
    {
        ClerkApiException { StatusCode: var status } => ((int)status).ToString(CultureInfo.InvariantCulture),
        ClerkAuthenticationException { InnerException: ClerkApiException { StatusCode: var status } } => ((int)status).ToString(CultureInfo.InvariantCulture),
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };
}
