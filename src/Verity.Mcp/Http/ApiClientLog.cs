using Microsoft.Extensions.Logging;

namespace Verity.Mcp.Http;

/// <summary>The pipeline's log lines. They name methods, path templates and statuses; never a header value or a body.</summary>
internal static partial class ApiClientLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "{Method} {PathTemplate} answered {StatusCode} in {ElapsedMs:0.0} ms ({BodyBytes} body bytes read)")]
    public static partial void Answered(ILogger logger, string method, string pathTemplate, int statusCode, double elapsedMs, int bodyBytes);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Retrying {Method} {PathTemplate} after {StatusCode} ({Reason}); attempt {Attempt} in {DelayMs:0} ms")]
    public static partial void Retrying(ILogger logger, string method, string pathTemplate, int statusCode, string reason, int attempt, double delayMs);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "{Method} {PathTemplate} timed out after {LimitSeconds:0.#} s")]
    public static partial void TimedOut(ILogger logger, string method, string pathTemplate, double limitSeconds);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "{Method} {PathTemplate}: the response body was cut at {Limit} bytes")]
    public static partial void BodyCut(ILogger logger, string method, string pathTemplate, int limit);
}
