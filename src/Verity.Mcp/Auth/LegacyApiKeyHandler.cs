using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Verity.Mcp.Auth;

/// <summary>
/// The legacy mode: with <c>VERITY_API_KEY</c> set and no <c>CLERK_SECRET_KEY</c>, requests carry the static key
/// as their bearer token. There is nothing to refresh, so a 401 goes straight back to the caller.
/// </summary>
internal sealed class LegacyApiKeyHandler(LegacyApiKeyCredential credential) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = credential.AuthorizationHeader;
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// Holds the legacy key's header for every handler instance (the factory recycles handlers) and says once,
/// on first use, that the legacy mode is on.
/// </summary>
internal sealed class LegacyApiKeyCredential
{
    private readonly AuthenticationHeaderValue _header;
    private readonly ILogger _logger;
    private int _announced;

    public LegacyApiKeyCredential(IOptions<ClerkOptions> options, ILogger<LegacyApiKeyCredential> logger)
    {
        _header = new AuthenticationHeaderValue("Bearer", options.Value.LegacyApiKey ?? string.Empty);
        _logger = logger;
    }

    public AuthenticationHeaderValue AuthorizationHeader
    {
        get
        {
            if (Volatile.Read(ref _announced) == 0 && Interlocked.Exchange(ref _announced, 1) == 0)
            {
                _logger.LegacyModeInUse();
            }

            return _header;
        }
    }
}
