using System.Net.Http;
using Verity.Mcp.Auth;
using Verity.Mcp.Http;

namespace Verity.Mcp.Telemetry;

/// <summary>How a tool call ended, as one low-cardinality word: the metrics' outcome and the span's <c>error.type</c>.</summary>
internal static class ToolCallOutcome
{
    public const string Ok = "ok";

    /// <summary>Arguments failed validation; no request was sent.</summary>
    public const string InvalidArguments = "invalid_arguments";

    /// <summary>The API answered with a status other than 2xx.</summary>
    public const string ApiError = "api_error";

    /// <summary>The API answered 2xx, but with content the tool could not turn into its declared result.</summary>
    public const string InvalidResult = "invalid_result";

    public const string Timeout = "timeout";

    /// <summary>No credentials for the request (the token service refused or could not be reached).</summary>
    public const string AuthFailed = "auth_failed";

    /// <summary>The connection to the API failed.</summary>
    public const string Unreachable = "unreachable";

    public const string Cancelled = "cancelled";

    public const string Failed = "failed";

    public static string FromResponse(ApiResponse response, bool resultIsError) =>
        response.StatusCode is < 200 or > 299 ? ApiError
        : resultIsError ? InvalidResult
        : Ok;

    public static string FromException(Exception exception) => exception switch
    {
        ApiTimeoutException => Timeout,
        ClerkAuthenticationException or ClerkApiException => AuthFailed,
        HttpRequestException => Unreachable,
        OperationCanceledException => Cancelled,
        _ => Failed,
    };
}
