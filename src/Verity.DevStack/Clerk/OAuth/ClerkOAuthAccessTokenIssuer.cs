using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Verity.DevStack.Clerk.OAuth;

/// <summary>
/// Mints OAuth access tokens as Clerk's JWT format has them: RS256 with the instance key, header
/// <c>typ: at+jwt</c> (RFC 9068, which Clerk's SDKs check to tell them from session tokens), <c>jti</c> an
/// <c>oat_</c> id, <c>client_id</c> and a space-separated <c>scope</c>.
/// </summary>
internal static class ClerkOAuthAccessTokenIssuer
{
    public static ClerkOAuthAccessToken Issue(
        ClerkSigningKey key,
        string issuer,
        string subject,
        string audience,
        string clientId,
        string scope,
        DateTimeOffset now,
        TimeSpan lifetime,
        TimeSpan notBeforeOffset)
    {
        var issuedAt = now.ToUnixTimeSeconds();
        var notBefore = issuedAt + (long)notBeforeOffset.TotalSeconds;
        var expiresAt = issuedAt + (long)lifetime.TotalSeconds;
        var tokenId = "oat_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

        var header = WriteJson(writer =>
        {
            writer.WriteString("alg", "RS256");
            writer.WriteString("kid", key.KeyId);
            writer.WriteString("typ", "at+jwt");
        });

        var payload = WriteJson(writer =>
        {
            writer.WriteString("aud", audience);
            writer.WriteString("client_id", clientId);
            writer.WriteNumber("exp", expiresAt);
            writer.WriteNumber("iat", issuedAt);
            writer.WriteString("iss", issuer);
            writer.WriteString("jti", tokenId);
            writer.WriteNumber("nbf", notBefore);
            writer.WriteString("scope", scope);
            writer.WriteString("sub", subject);
        });

        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
        var signature = key.Sign(Encoding.ASCII.GetBytes(signingInput));
        return new ClerkOAuthAccessToken(
            signingInput + "." + Base64Url.EncodeToString(signature),
            key.KeyId,
            tokenId,
            issuer,
            subject,
            audience,
            clientId,
            scope,
            DateTimeOffset.FromUnixTimeSeconds(issuedAt),
            DateTimeOffset.FromUnixTimeSeconds(notBefore),
            DateTimeOffset.FromUnixTimeSeconds(expiresAt));
    }

    private static byte[] WriteJson(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
