using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Verity.DevStack.Clerk;

/// <summary>Mints RS256 session tokens with Clerk's header and claims.</summary>
internal sealed class ClerkTokenIssuer(ClerkSigningKeys keys, TimeProvider timeProvider, string issuer)
{
    /// <summary>Clerk's default session-token lifetime.</summary>
    public const int DefaultLifetimeSeconds = 60;

    /// <summary>Clerk backdates <c>nbf</c> by this much to absorb clock skew.</summary>
    private const int NotBeforeLeewaySeconds = 10;

    // The "cat" header Clerk puts on session tokens.
    private const string ClaimAssessmentHeader = "cl_B7d4PD111AAA";

    public (string Jwt, ClerkIssuedToken Token) Issue(ClerkSession session, ClerkUser? user, int lifetimeSeconds, ClerkJwtTemplate? template)
    {
        var now = timeProvider.GetUtcNow();
        var issuedAt = now.ToUnixTimeSeconds();
        var expiresAt = issuedAt + lifetimeSeconds;
        var tokenId = ClerkIds.NewTokenId();
        var key = keys.Current;
        var keyId = key.KeyId;

        var header = WriteJson(writer =>
        {
            writer.WriteString("alg", "RS256");
            writer.WriteString("kid", keyId);
            writer.WriteString("typ", "JWT");
            writer.WriteString("cat", ClaimAssessmentHeader);
        });

        var payload = WriteJson(writer =>
        {
            // Alphabetical, as Clerk writes them.
            writer.WriteNumber("exp", expiresAt);
            if (template is null)
            {
                writer.WriteStartArray("fva");
                writer.WriteNumberValue((long)Math.Floor((now - session.CreatedAt).TotalMinutes));
                writer.WriteNumberValue(-1);
                writer.WriteEndArray();
            }

            writer.WriteNumber("iat", issuedAt);
            writer.WriteString("iss", issuer);
            writer.WriteString("jti", tokenId);
            writer.WriteNumber("nbf", issuedAt - NotBeforeLeewaySeconds);
            if (template is null)
            {
                writer.WriteString("sid", session.Id);
            }

            writer.WriteString("sub", session.UserId);
            if (template is null)
            {
                writer.WriteNumber("v", 2);
            }
            else
            {
                WriteTemplateClaims(writer, template, session, user);
            }
        });

        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
        var signature = key.Sign(Encoding.ASCII.GetBytes(signingInput));
        var jwt = signingInput + "." + Base64Url.EncodeToString(signature);

        var token = new ClerkIssuedToken(
            tokenId,
            session.Id,
            session.UserId,
            keyId,
            DateTimeOffset.FromUnixTimeSeconds(issuedAt),
            DateTimeOffset.FromUnixTimeSeconds(expiresAt),
            template?.Name);
        return (jwt, token);
    }

    private static readonly HashSet<string> ReservedClaims = ["exp", "iat", "iss", "jti", "nbf", "sub", "azp"];

    private static void WriteTemplateClaims(Utf8JsonWriter writer, ClerkJwtTemplate template, ClerkSession session, ClerkUser? user)
    {
        if (template.Claims is null)
        {
            return;
        }

        foreach (var (name, value) in template.Claims.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (ReservedClaims.Contains(name))
            {
                continue;
            }

            var resolved = ResolveShortcode(value, session, user);
            if (resolved is null)
            {
                writer.WriteNull(name);
            }
            else
            {
                writer.WriteString(name, resolved);
            }
        }
    }

    private static string? ResolveShortcode(string value, ClerkSession session, ClerkUser? user) => value switch
    {
        "{{user.id}}" => session.UserId,
        "{{session.id}}" => session.Id,
        "{{user.primary_email_address}}" => user?.EmailAddress,
        "{{user.first_name}}" => user?.FirstName,
        "{{user.last_name}}" => user?.LastName,
        _ => value,
    };

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
