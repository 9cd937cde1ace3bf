using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Verity.Mcp.Auth;

/// <summary>
/// A minted Clerk session token. Only its claims and a short fingerprint are public; the token text stays
/// inside this library (the auth handler puts it on requests) and <see cref="ToString"/> never shows it.
/// </summary>
public sealed class ClerkSessionToken
{
    private ClerkSessionToken(string jwt, ClerkJwtClaims claims, string sessionIdFallback)
    {
        Jwt = jwt;
        AuthorizationHeader = new AuthenticationHeaderValue("Bearer", jwt);
        Subject = claims.Subject;
        SessionId = claims.SessionId ?? sessionIdFallback;
        IssuedAt = claims.IssuedAt;
        ExpiresAt = claims.ExpiresAt;
        Fingerprint = FingerprintOf(jwt);
    }

    /// <summary>The <c>sub</c> claim: the user id.</summary>
    public string? Subject { get; }

    /// <summary>The <c>sid</c> claim (or, for templates without it, the session the token was minted for).</summary>
    public string SessionId { get; }

    /// <summary>The <c>iat</c> claim.</summary>
    public DateTimeOffset? IssuedAt { get; }

    /// <summary>The <c>exp</c> claim.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The first 8 hex digits of the SHA-256 of the token text: enough to tell tokens apart in logs.</summary>
    public string Fingerprint { get; }

    internal string Jwt { get; }

    /// <summary>Built once per token so the per-request path allocates nothing for it.</summary>
    internal AuthenticationHeaderValue AuthorizationHeader { get; }

    public override string ToString() => $"sid={SessionId} exp={ExpiresAt:O} hash={Fingerprint}";

    /// <summary>Reads the claims of a token Clerk just issued; throws when it has no usable <c>exp</c>.</summary>
    internal static ClerkSessionToken Parse(string jwt, string sessionIdFallback)
    {
        if (!ClerkJwtClaims.TryRead(jwt, out var claims))
        {
            throw new ClerkAuthenticationException(
                $"Clerk issued a session token for {sessionIdFallback} whose payload has no readable exp claim (token hash {FingerprintOf(jwt)}).");
        }

        return new ClerkSessionToken(jwt, claims, sessionIdFallback);
    }

    internal static string FingerprintOf(string text)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..4]);
    }
}
