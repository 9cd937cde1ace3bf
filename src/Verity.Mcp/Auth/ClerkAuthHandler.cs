using System.Net;
using Microsoft.Extensions.Logging;
using Verity.Mcp.Http;

namespace Verity.Mcp.Auth;

/// <summary>
/// Puts the Clerk session token on each API request. On a 401 (the API did not act) it drops exactly that
/// token, gets a fresh one and resends the same request once, body included; a second 401 goes back to the
/// caller. Any other status, a 500 included, is returned as is: resending a non-idempotent request is not
/// this handler's call. The resend is marked with <see cref="VerityRequestOptions.AuthRetried"/>.
/// </summary>
public sealed class ClerkAuthHandler : DelegatingHandler
{
    private readonly IClerkTokenManager _tokens;
    private readonly ILogger _logger;

    public ClerkAuthHandler(IClerkTokenManager tokens, ILogger<ClerkAuthHandler> logger)
    {
        _tokens = tokens;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A streamed body can be sent only once; buffer it now so the 401 resend carries the same bytes.
        if (request.Content is { } content and not (ByteArrayContent or ReadOnlyMemoryContent))
        {
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = token.AuthorizationHeader;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        _logger.TokenRejected(token.SessionId, token.ExpiresAt, token.Fingerprint);
        _tokens.Invalidate(token);
        ClerkSessionToken fresh;
        try
        {
            fresh = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (ReferenceEquals(fresh, token))
        {
            // The manager kept the token: a fresh one was refused moments ago, so this 401 stands for it too.
            request.Options.Set(VerityRequestOptions.AuthRetried, true);
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = fresh.AuthorizationHeader;
        request.Options.Set(VerityRequestOptions.AuthRetried, true);
        var retried = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (retried.StatusCode == HttpStatusCode.Unauthorized)
        {
            _logger.FreshTokenRejected(fresh.SessionId, fresh.Fingerprint);
            _tokens.ReportFreshTokenRejected(fresh);
        }

        return retried;
    }
}
