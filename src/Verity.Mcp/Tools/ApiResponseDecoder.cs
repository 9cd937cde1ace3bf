using System.Text;
using System.Text.Json;
using Verity.Mcp.Http;

namespace Verity.Mcp.Tools;

/// <summary>
/// What generated typed clients do with an answer: a non-2xx one throws <see cref="ApiCallException"/>, a 2xx one is
/// read as the declared response through the generated converters (no reflection).
/// </summary>
public static class ApiResponseDecoder
{
    /// <summary>Redacts secret-shaped values when the caller gave no redactor that knows the configured secrets.</summary>
    private static readonly SecretRedactor ShapeRedactor = new();

    /// <summary>Returns <paramref name="response"/> when it is a success, else throws.</summary>
    public static ApiResponse EnsureSuccess(ApiResponse response, EndpointDescriptor endpoint, SecretRedactor? redactor)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!response.IsSuccess)
        {
            var details = Details(response, endpoint, redactor);
            var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? string.Empty : " " + response.ReasonPhrase;
            throw new ApiCallException($"{details.Endpoint} answered {response.StatusCode}{reason}.", details);
        }

        return response;
    }

    /// <summary>Reads a success's JSON body with <paramref name="read"/>; a failure or an unreadable body throws.</summary>
    public static T Read<T>(ApiResponse response, EndpointDescriptor endpoint, SecretRedactor? redactor, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        EnsureSuccess(response, endpoint, redactor);
        try
        {
            if (response.Truncated)
            {
                throw new JsonException("The body was cut at the configured size limit.");
            }

            using var document = JsonDocument.Parse(response.Body);
            return read(document.RootElement);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException
            or KeyNotFoundException or OverflowException or ArgumentException)
        {
            var details = Details(response, endpoint, redactor);
            var why = (redactor ?? ShapeRedactor).Redact(exception.Message);
            throw new ApiCallException($"{details.Endpoint} answered {response.StatusCode} with a body that is not its declared response: {why}", details, exception);
        }
    }

    private static ApiCallDetails Details(ApiResponse response, EndpointDescriptor endpoint, SecretRedactor? redactor)
    {
        var effective = redactor ?? ShapeRedactor;
        string? content = null;
        if (!response.Body.IsEmpty)
        {
            var text = Encoding.UTF8.GetString(response.Body.Span);
            content = response.Truncated ? effective.RedactCut(text) : effective.Redact(text);
        }

        return new ApiCallDetails(
            $"{endpoint.ToolName} ({endpoint.Method} {endpoint.PathTemplate})",
            response.StatusCode,
            response.ReasonPhrase,
            response.ContentType,
            content);
    }
}
