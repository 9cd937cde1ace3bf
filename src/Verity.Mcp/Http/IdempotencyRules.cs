using Verity.Mcp.Tools;

namespace Verity.Mcp.Http;

/// <summary>Decides whether a request may be sent again after it may have reached the API.</summary>
internal static class IdempotencyRules
{
    public static bool MayResend(HttpRequestMessage? request)
    {
        if (request is null)
        {
            return false;
        }

        // The catalog has the last word: it can mark a PUT or DELETE as not idempotent (or a POST as idempotent).
        if (request.Options.TryGetValue(ApiRequestOptions.Endpoint, out EndpointDescriptor? endpoint) && endpoint is not null)
        {
            return MayResend(endpoint);
        }

        var method = request.Method;
        return method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Put || method == HttpMethod.Delete;
    }

    /// <summary>The catalog's <c>idempotent</c> hint, defaults included, as the generator resolved it.</summary>
    public static bool MayResend(EndpointDescriptor endpoint) => endpoint.Idempotent;
}
