using Verity.Mcp.Telemetry;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Http;

/// <summary>
/// Keys under which the pipeline's handlers share facts about one request through
/// <see cref="HttpRequestMessage.Options"/>.
/// </summary>
public static class ApiRequestOptions
{
    /// <summary>The catalog endpoint the request was built for (retry rules and the per-request timeout read it).</summary>
    public static readonly HttpRequestOptionsKey<EndpointDescriptor> Endpoint = new("Verity.Endpoint");

    /// <summary>
    /// Set to true by the auth handler when a 401 stands for a fresh token too: it refreshed the token and resent
    /// the request, or a fresh token was refused moments ago and it backs off from refreshing again.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> AuthRetried = new("Verity.AuthRetried");

    /// <summary>Counts the request's attempts, so each attempt's span carries its resend count.</summary>
    internal static readonly HttpRequestOptionsKey<UpstreamAttempts> Attempts = new("Verity.Attempts");
}
