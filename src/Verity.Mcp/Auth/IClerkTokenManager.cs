namespace Verity.Mcp.Auth;

/// <summary>Hands out Clerk session tokens: cached until shortly before <c>exp</c>, renewed ahead of time, one mint at a time.</summary>
public interface IClerkTokenManager
{
    /// <summary>
    /// The manager whose tokens the current request carries: this one, unless tokens depend on who the request is
    /// for (one manager per signed-in user). The auth handler asks once per request and keeps the answer for the
    /// token, the 401 and the resend. Throws <see cref="ClerkAuthenticationException"/> when it cannot tell.
    /// </summary>
    IClerkTokenManager ForCurrentRequest() => this;

    /// <summary>
    /// A token that is valid now. While the cached token is outside its refresh margin this completes
    /// synchronously without allocating; inside the margin one caller starts a renewal and everyone keeps the
    /// still-valid token; only when no valid token exists do callers wait for the shared mint. Cancelling
    /// <paramref name="cancellationToken"/> stops this caller's wait, never the shared mint.
    /// </summary>
    ValueTask<ClerkSessionToken> GetTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Drops <paramref name="token"/> if the cache still holds exactly it (the API rejected it); a newer token
    /// that another caller already obtained is kept. Returns whether the token was dropped.
    /// </summary>
    bool Invalidate(ClerkSessionToken token);

    /// <summary>
    /// The API refused <paramref name="token"/> although it was minted to replace a refused one: it rejects valid
    /// tokens, and minting more will not change that. For a while <see cref="Invalidate"/> then keeps the token,
    /// so 401s stop costing a Clerk call each. Implementations that do nothing keep renewing on every 401.
    /// </summary>
    void ReportFreshTokenRejected(ClerkSessionToken token)
    {
    }

    /// <summary>
    /// For <c>doctor</c>: selects the user and session afresh, mints a token and reports who it is for and when it
    /// expires — never the token text. Does not touch the cache.
    /// </summary>
    Task<ClerkTokenInspection> InspectAsync(CancellationToken cancellationToken = default);
}
