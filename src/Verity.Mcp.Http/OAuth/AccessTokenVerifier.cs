using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Verity.Mcp.HttpServer.Configuration;

namespace Verity.Mcp.HttpServer.OAuth;

/// <summary>
/// Verifies a JWT access token locally: RS256 signature with a key from the authorization server's JWKS, <c>iss</c> =
/// the Frontend API URL, <c>aud</c> = this server's public URL (RFC 8707: a token minted for another resource is
/// refused), <c>exp</c>/<c>nbf</c> within <see cref="ClockSkew"/>, and a <c>sub</c>. Nothing is sent anywhere but
/// the JWKS fetch.
/// </summary>
internal sealed class AccessTokenVerifier(JwksCache keys, HttpServerOptions options, TimeProvider time)
{
    public const string Algorithm = "RS256";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Far above any real access token; a longer header is refused before any work is done on it.</summary>
    public const int MaxTokenLength = 16 * 1024;

    private readonly string _issuer = Canonical(options.FrontendApiUrlText ?? throw new InvalidOperationException("The Frontend API URL is not set."));
    private readonly string _audience = Canonical(options.PublicUrlText ?? throw new InvalidOperationException("The public URL is not set."));

    public async ValueTask<TokenCheck> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length > MaxTokenLength)
        {
            return TokenCheck.Invalid("malformed", "the token is too long");
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || !TryDecode(parts[0], out var headerBytes) || !TryDecode(parts[1], out var payloadBytes) || !TryDecode(parts[2], out var signature))
        {
            return TokenCheck.Invalid("malformed", "the token is not a JWT");
        }

        using var header = TryParse(headerBytes);
        using var payload = TryParse(payloadBytes);
        if (header is null || payload is null || header.RootElement.ValueKind != JsonValueKind.Object || payload.RootElement.ValueKind != JsonValueKind.Object)
        {
            return TokenCheck.Invalid("malformed", "the token is not a JWT");
        }

        if (Text(header.RootElement, "alg") != Algorithm)
        {
            return TokenCheck.Invalid("algorithm", "the token is not signed with RS256");
        }

        if (Text(header.RootElement, "kid") is not { Length: > 0 } kid)
        {
            return TokenCheck.Invalid("unknown_kid", "the token names no signing key");
        }

        var key = await keys.FindAsync(kid, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return TokenCheck.Invalid("unknown_kid", "the token is signed with an unknown key");
        }

        var signedBytes = Encoding.ASCII.GetBytes(token, 0, parts[0].Length + 1 + parts[1].Length);
        if (!key.VerifyData(signedBytes, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return TokenCheck.Invalid("signature", "the token's signature is invalid");
        }

        return CheckClaims(payload.RootElement);
    }

    private TokenCheck CheckClaims(JsonElement claims)
    {
        if (Text(claims, "iss") is not { } issuer || Canonical(issuer) != _issuer)
        {
            return TokenCheck.Invalid("issuer", "the token is from another issuer");
        }

        if (!HasAudience(claims))
        {
            return TokenCheck.Invalid("audience", "the token is for another resource");
        }

        var now = time.GetUtcNow();
        if (Seconds(claims, "exp") is not { } expires)
        {
            return TokenCheck.Invalid("expired", "the token has no expiry");
        }

        if (now >= expires + ClockSkew)
        {
            return TokenCheck.Invalid("expired", "the token has expired");
        }

        if (Seconds(claims, "nbf") is { } notBefore && now + ClockSkew < notBefore)
        {
            return TokenCheck.Invalid("not_yet_valid", "the token is not valid yet");
        }

        if (Text(claims, "sub") is not { Length: > 0 } subject)
        {
            return TokenCheck.Invalid("subject", "the token names no user");
        }

        return TokenCheck.Valid(new AccessToken(subject, Scopes(claims), Text(claims, "client_id"), expires));
    }

    private bool HasAudience(JsonElement claims)
    {
        if (!claims.TryGetProperty("aud", out var audience))
        {
            return false;
        }

        return audience.ValueKind switch
        {
            JsonValueKind.String => Canonical(audience.GetString()!) == _audience,
            JsonValueKind.Array => audience.EnumerateArray().Any(entry => entry.ValueKind == JsonValueKind.String && Canonical(entry.GetString()!) == _audience),
            _ => false,
        };
    }

    /// <summary>The <c>scope</c> claim (space-separated, RFC 9068), or an <c>scp</c> array as some servers write it.</summary>
    private static HashSet<string> Scopes(JsonElement claims)
    {
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        if (Text(claims, "scope") is { } text)
        {
            scopes.UnionWith(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        if (claims.TryGetProperty("scp", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            scopes.UnionWith(list.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!));
        }

        return scopes;
    }

    private static DateTimeOffset? Seconds(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            && seconds is >= 0 and < 253402300800L
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Identifiers compare as written but for a trailing slash, which clients and servers add or drop freely.</summary>
    private static string Canonical(string url) => url.Trim().TrimEnd('/');

    private static bool TryDecode(string part, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(part);
            return bytes.Length > 0;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    private static JsonDocument? TryParse(byte[] json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
