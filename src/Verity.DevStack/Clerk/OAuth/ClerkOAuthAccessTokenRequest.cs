namespace Verity.DevStack.Clerk.OAuth;

/// <summary>
/// What an OAuth access token minted outside the authorization flow says (test control): each property left null
/// takes the value <c>/oauth/token</c> would use, and the overrides make tokens a resource server must reject.
/// </summary>
/// <param name="UserId">The <c>sub</c>: a user of the instance.</param>
public sealed record ClerkOAuthAccessTokenRequest(string UserId)
{
    /// <summary>The <c>aud</c>, e.g. an MCP server's URL; null uses <see cref="ClientId"/>, as a token issued without <c>resource</c> has.</summary>
    public string? Audience { get; init; }

    /// <summary>The <c>iss</c>; null uses the instance's Frontend API URL.</summary>
    public string? Issuer { get; init; }

    /// <summary>The <c>client_id</c> claim.</summary>
    public string ClientId { get; init; } = ClerkOAuthServer.TestControlClientId;

    /// <summary>The space-separated <c>scope</c>; null grants the instance's custom scopes (as an authorization request without <c>scope</c>).</summary>
    public string? Scope { get; init; }

    /// <summary><c>exp</c> − <c>iat</c>; zero or negative makes a token that has already expired; null uses the configured lifetime.</summary>
    public TimeSpan? Lifetime { get; init; }

    /// <summary><c>nbf</c> − <c>iat</c>; positive makes a token that is not valid yet.</summary>
    public TimeSpan NotBeforeOffset { get; init; }

    /// <summary>Sign with a key whose <c>kid</c> is not (and never was) in the JWKS.</summary>
    public bool SignWithUnknownKey { get; init; }
}
