using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Verity.Mcp.Http;

namespace Verity.Mcp.Auth;

/// <summary>
/// Puts the Clerk session token on each API request. On a 401 (the API did not act) it drops exactly that
/// token, gets a fresh one and resends the same request once, body included; a second 401 goes back to the
/// caller. Any other status, a 500 included, is returned as is: resending a non-idempotent request is not
/// this handler's call. The resend is marked with <see cref="ApiRequestOptions.AuthRetried"/>.
/// Waiting for a token is bounded by <c>CLERK_TIMEOUT_SECONDS</c>; running out of it is a
/// <see cref="ClerkAuthenticationException"/> with nothing sent.
/// </summary>
public sealed class ClerkAuthHandler : DelegatingHandler
{
    private readonly IClerkTokenManager _tokens;
    private readonly ILogger _logger;
    private readonly TimeSpan _tokenTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly SecretRedactor? _redactor;

    public ClerkAuthHandler(IClerkTokenManager tokens, ILogger<ClerkAuthHandler> logger)
        : this(tokens, logger, TimeSpan.FromSeconds(ClerkOptions.DefaultTimeoutSeconds), TimeProvider.System, redactor: null)
    {
    }

    /// <param name="tokenTimeout">How long a request waits for its token (<c>CLERK_TIMEOUT_SECONDS</c>).</param>
    /// <param name="redactor">Told each token put on a request, so an answer that echoes it is redacted by exact value.</param>
    public ClerkAuthHandler(IClerkTokenManager tokens, ILogger<ClerkAuthHandler> logger, TimeSpan tokenTimeout, TimeProvider timeProvider, SecretRedactor? redactor)
    {
        _tokens = tokens;
        _logger = logger;
        _tokenTimeout = tokenTimeout;
        _timeProvider = timeProvider;
        _redactor = redactor;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Resolved once, before anything is sent: the 401 handling must reach the manager that gave the token.
        var tokens = _tokens.ForCurrentRequest();

        // A streamed body can be sent only once; buffer it now so the 401 resend carries the same bytes.
        if (request.Content is { } content and not (ByteArrayContent or ReadOnlyMemoryContent))
        {
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var token = await GetTokenAsync(tokens, cancellationToken).ConfigureAwait(false);
        _redactor?.RememberToken(token.Jwt);
        request.Headers.Authorization = token.AuthorizationHeader;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        _logger.TokenRejected(token.SessionId, token.ExpiresAt, token.Fingerprint);
        tokens.Invalidate(token);
        ClerkSessionToken fresh;
        try
        {
            fresh = await GetTokenAsync(tokens, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (ReferenceEquals(fresh, token))
        {
            // The manager kept the token: a fresh one was refused moments ago, so this 401 stands for it too.
            request.Options.Set(ApiRequestOptions.AuthRetried, true);
            return response;
        }

        response.Dispose();
        _redactor?.RememberToken(fresh.Jwt);
        request.Headers.Authorization = fresh.AuthorizationHeader;
        request.Options.Set(ApiRequestOptions.AuthRetried, true);
        var retried = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (retried.StatusCode == HttpStatusCode.Unauthorized)
        {
            _logger.FreshTokenRejected(fresh.SessionId, fresh.Fingerprint);
            tokens.ReportFreshTokenRejected(fresh);
        }

        return retried;
    }

    /// <summary>The cached token at once; otherwise the shared mint, waited for no longer than Clerk's limit.</summary>
    private ValueTask<ClerkSessionToken> GetTokenAsync(IClerkTokenManager tokens, CancellationToken cancellationToken)
    {
        var pending = tokens.GetTokenAsync(cancellationToken);
        return pending.IsCompletedSuccessfully ? pending : WaitForTokenAsync(pending.AsTask(), cancellationToken);
    }

    private async ValueTask<ClerkSessionToken> WaitForTokenAsync(Task<ClerkSessionToken> pending, CancellationToken cancellationToken)
    {
        try
        {
            return await pending.WaitAsync(_tokenTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            // The mint goes on for the next caller; its outcome is logged by the token manager, so observe it here.
            _ = pending.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw new ClerkAuthenticationException(
                string.Create(CultureInfo.InvariantCulture, $"Clerk did not give a session token within {_tokenTimeout.TotalSeconds:0.#} s ({ClerkConfigurationKeys.TimeoutSeconds}): Clerk is slow or rate-limiting this key. Try again in a little while, or raise {ClerkConfigurationKeys.TimeoutSeconds}; check {ClerkConfigurationKeys.ApiUrl} if it keeps happening."),
                exception);
        }
    }
}
