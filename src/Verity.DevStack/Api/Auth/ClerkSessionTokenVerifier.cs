using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Verity.DevStack.Api.Auth;

/// <summary>
/// Verifies a Clerk session token the way Clerk's backend middleware does: an RS256 signature against the
/// instance's JWKS, then <c>exp</c>, <c>nbf</c> and <c>iat</c> with a clock skew allowance (5 s by default).
/// </summary>
internal sealed class ClerkSessionTokenVerifier(ISigningKeySource jwks, TimeProvider timeProvider, TimeSpan clockSkew)
{
    public async Task<TokenCheck> VerifyAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return TokenCheck.Fail(AuthOutcome.MissingToken, "The request has no Authorization header: send 'Authorization: Bearer <Clerk session token>'.");
        }

        const string Scheme = "Bearer ";
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Fail(AuthOutcome.MissingToken, "The Authorization header must use the Bearer scheme with a Clerk session token.");
        }

        var token = authorization[Scheme.Length..].Trim();
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return TokenCheck.Fail(AuthOutcome.Malformed, "The bearer token is not a JWT.");
        }

        JsonDocument header;
        JsonDocument payload;
        byte[] signature;
        try
        {
            header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return TokenCheck.Fail(AuthOutcome.Malformed, "The bearer token is not a well-formed JWT.");
        }

        using (header)
        using (payload)
        {
            if (Text(header.RootElement, "alg") != "RS256")
            {
                return TokenCheck.Fail(AuthOutcome.UnsupportedAlgorithm, "Only RS256 session tokens are accepted.");
            }

            if (Text(header.RootElement, "kid") is not { } kid)
            {
                return TokenCheck.Fail(AuthOutcome.Malformed, "The token header has no kid.");
            }

            RSA? key;
            try
            {
                key = await jwks.FindAsync(kid, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or FormatException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return TokenCheck.Fail(AuthOutcome.KeysUnavailable, "The API could not load the Clerk signing keys (JWKS); try again shortly.", kid);
            }

            if (key is null)
            {
                return TokenCheck.Fail(AuthOutcome.UnknownKey, "The token was signed with a key this Clerk instance does not have (rotated or foreign).", kid);
            }

            var signedBytes = Encoding.ASCII.GetBytes(string.Concat(parts[0], ".", parts[1]));
            if (!key.VerifyData(signedBytes, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return TokenCheck.Fail(AuthOutcome.BadSignature, "The token's signature does not verify.", kid);
            }

            var claims = payload.RootElement;
            var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
            var skew = (long)clockSkew.TotalSeconds;
            if (Seconds(claims, "exp") is not { } exp)
            {
                return TokenCheck.Fail(AuthOutcome.Malformed, "The token has no exp claim.", kid);
            }

            if (now > exp + skew)
            {
                return TokenCheck.Fail(AuthOutcome.Expired, "The session token has expired: get a fresh one from Clerk.", kid);
            }

            if (Seconds(claims, "nbf") is { } nbf && now + skew < nbf)
            {
                return TokenCheck.Fail(AuthOutcome.NotYetValid, "The session token is not valid yet (nbf is in the future).", kid);
            }

            if (Seconds(claims, "iat") is { } iat && iat > now + skew)
            {
                return TokenCheck.Fail(AuthOutcome.IssuedInFuture, "The session token was issued in the future (iat): check the clocks.", kid);
            }

            return new TokenCheck(AuthOutcome.Accepted, Text(claims, "sub"), Text(claims, "sid"), kid);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Seconds(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.TryGetInt64(out var whole) ? whole : (long)Math.Floor(value.GetDouble())
            : null;
}
