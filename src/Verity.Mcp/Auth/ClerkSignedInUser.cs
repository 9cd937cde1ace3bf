namespace Verity.Mcp.Auth;

/// <summary>
/// The Clerk user the current call acts for, in remote mode: ambient (an <see cref="AsyncLocal{T}"/>), so it flows
/// from the transport through the tool into the API client's pipeline, where <see cref="ClerkSignedInUserTokens"/>
/// reads it. The transport must set it for each request, after verifying the caller's access token and before any
/// tool runs: <c>using var scope = ClerkSignedInUser.Use(sub);</c> around the rest of the request. A call with no
/// signed-in user fails before anything is sent.
/// </summary>
public static class ClerkSignedInUser
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The Clerk user id (<c>user_…</c>) the current call acts for, or null outside a <see cref="Use"/> scope.</summary>
    public static string? UserId => Current.Value;

    /// <summary>
    /// Makes <paramref name="userId"/> the signed-in user of the current call and of everything it starts, until the
    /// returned scope is disposed (which restores the previous user). Call it from the code that goes on to run the
    /// request (a middleware before <c>await next(context)</c>, say): set inside an <c>async</c> method that then
    /// returns, the value would not reach its caller.
    /// </summary>
    public static IDisposable Use(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var scope = new Scope(Current.Value);
        Current.Value = userId;
        return scope;
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Current.Value = previous;
            }
        }
    }
}
