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

        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Put || method == HttpMethod.Delete)
        {
            return true;
        }

        // POST and PATCH only when the catalog marked the endpoint idempotent.
        return request.Options.TryGetValue(VerityRequestOptions.Endpoint, out EndpointDescriptor? endpoint)
            && endpoint is { Idempotent: true };
    }
}
