using System.Globalization;
using System.Net;

namespace Verity.Mcp.Auth;

/// <summary>
/// Clerk's Backend API answered with an error. Carries Clerk's own code, long message and trace id, which is
/// what Clerk support asks for; never the secret key.
/// </summary>
public sealed class ClerkApiException : ClerkAuthenticationException
{
    internal ClerkApiException(
        string operation,
        HttpStatusCode statusCode,
        string? code,
        string? longMessage,
        string? traceId,
        TimeSpan? retryAfter)
        : base(Describe(operation, statusCode, code, longMessage, traceId))
    {
        Operation = operation;
        StatusCode = statusCode;
        Code = code;
        LongMessage = longMessage;
        TraceId = traceId;
        RetryAfter = retryAfter;
    }

    /// <summary>The call that failed, e.g. <c>POST /v1/sessions/sess_123/tokens</c>.</summary>
    public string Operation { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Clerk's error code, e.g. <c>resource_not_found</c>, or null when the body had none.</summary>
    public string? Code { get; }

    public string? LongMessage { get; }

    /// <summary>Clerk's <c>clerk_trace_id</c>.</summary>
    public string? TraceId { get; }

    /// <summary>The <c>Retry-After</c> delay of a 429, when Clerk sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string Describe(string operation, HttpStatusCode statusCode, string? code, string? longMessage, string? traceId)
    {
        var status = ((int)statusCode).ToString(CultureInfo.InvariantCulture);
        var text = $"Clerk {operation} failed with {status} {code ?? statusCode.ToString()}";
        if (!string.IsNullOrWhiteSpace(longMessage))
        {
            text += ": " + longMessage.TrimEnd('.') + ".";
        }

        if (statusCode == HttpStatusCode.Unauthorized)
        {
            text += $" Check {ClerkConfigurationKeys.SecretKey} (and {ClerkConfigurationKeys.ApiUrl}).";
        }

        return traceId is null ? text : $"{text} (clerk_trace_id {traceId})";
    }
}
