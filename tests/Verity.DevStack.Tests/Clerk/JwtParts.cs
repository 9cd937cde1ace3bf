using System.Buffers.Text;
using System.Text.Json;

namespace Verity.DevStack.Tests.Clerk;

/// <summary>Decodes a JWT's header and payload without verifying it.</summary>
internal static class JwtParts
{
    public static JsonElement Header(string jwt) => Decode(jwt.Split('.')[0]);

    public static JsonElement Payload(string jwt) => Decode(jwt.Split('.')[1]);

    private static JsonElement Decode(string part) => JsonDocument.Parse(Base64Url.DecodeFromChars(part)).RootElement;
}
