using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Verity.Mcp.Auth;

/// <summary>
/// The claims the token manager needs, read from a JWT's payload without verifying it: the client trusts the
/// token it just received from Clerk over TLS; only the API verifies signatures.
/// </summary>
internal readonly record struct ClerkJwtClaims(string? Subject, string? SessionId, DateTimeOffset? IssuedAt, DateTimeOffset ExpiresAt)
{
    public static bool TryRead(string jwt, out ClerkJwtClaims claims)
    {
        claims = default;
        var firstDot = jwt.IndexOf('.', StringComparison.Ordinal);
        var secondDot = firstDot < 0 ? -1 : jwt.IndexOf('.', firstDot + 1);
        if (secondDot < 0)
        {
            return false;
        }

        var encoded = jwt.AsSpan(firstDot + 1, secondDot - firstDot - 1);
        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(encoded.Length));
        try
        {
            if (Base64Url.DecodeFromChars(encoded, buffer, out _, out var written) != OperationStatus.Done)
            {
                return false;
            }

            return TryReadPayload(buffer.AsSpan(0, written), out claims);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TryReadPayload(ReadOnlySpan<byte> payload, out ClerkJwtClaims claims)
    {
        claims = default;
        string? subject = null, sessionId = null;
        long? issuedAt = null, expiresAt = null;
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("sub"u8))
                {
                    subject = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("sid"u8))
                {
                    sessionId = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("exp"u8))
                {
                    expiresAt = ReadSeconds(ref reader);
                }
                else if (reader.ValueTextEquals("iat"u8))
                {
                    issuedAt = ReadSeconds(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        if (expiresAt is not { } exp || exp is <= 0 or > 253_402_300_799)
        {
            return false;
        }

        claims = new ClerkJwtClaims(
            subject,
            sessionId,
            issuedAt is > 0 and <= 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(issuedAt.Value) : null,
            DateTimeOffset.FromUnixTimeSeconds(exp));
        return true;
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    /// <summary>NumericDate is seconds, possibly with a fraction (RFC 7519 §2).</summary>
    private static long? ReadSeconds(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.Number)
        {
            reader.Skip();
            return null;
        }

        if (reader.TryGetInt64(out var whole))
        {
            return whole;
        }

        return reader.TryGetDouble(out var fractional) && double.IsFinite(fractional) && Math.Abs(fractional) < 1e15
            ? (long)Math.Floor(fractional)
            : null;
    }
}
