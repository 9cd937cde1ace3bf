namespace Verity.DevStack.Clerk.OAuth;

/// <summary>An OAuth access token the emulator minted (a JWT), with the claims it carries.</summary>
public sealed record ClerkOAuthAccessToken(
    string Jwt,
    string KeyId,
    string TokenId,
    string Issuer,
    string Subject,
    string Audience,
    string ClientId,
    string Scope,
    DateTimeOffset IssuedAt,
    DateTimeOffset NotBefore,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Never the token text: a token must not end up in a log or an assertion message.</summary>
    public override string ToString() => $"OAuth access token {TokenId} for {Subject} (aud {Audience}, scope '{Scope}', kid {KeyId})";
}
