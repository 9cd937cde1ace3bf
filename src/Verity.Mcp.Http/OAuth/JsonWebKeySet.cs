using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Verity.Mcp.HttpServer.OAuth;

/// <summary>The RSA signing keys of a JWKS document (RFC 7517), by <c>kid</c>. Keys of other types or uses are skipped.</summary>
internal static class JsonWebKeySet
{
    public static IReadOnlyDictionary<string, RSA> Parse(ReadOnlySpan<byte> json)
    {
        var keys = new Dictionary<string, RSA>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        if (!document.RootElement.TryGetProperty("keys", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("The document has no \"keys\" array.");
        }

        foreach (var key in list.EnumerateArray())
        {
            if (key.ValueKind == JsonValueKind.Object
                && Text(key, "kty") == "RSA"
                && Text(key, "use") is null or "sig"
                && Text(key, "alg") is null or AccessTokenVerifier.Algorithm
                && Text(key, "kid") is { Length: > 0 } kid
                && Text(key, "n") is { Length: > 0 } modulus
                && Text(key, "e") is { Length: > 0 } exponent)
            {
                var rsa = RSA.Create();
                rsa.ImportParameters(new RSAParameters
                {
                    Modulus = Base64Url.DecodeFromChars(modulus),
                    Exponent = Base64Url.DecodeFromChars(exponent),
                });
                keys[kid] = rsa;
            }
        }

        return keys;
    }

    private static string? Text(JsonElement key, string name) =>
        key.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
