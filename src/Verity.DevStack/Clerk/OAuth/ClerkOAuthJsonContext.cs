using System.Text.Json.Serialization;

namespace Verity.DevStack.Clerk.OAuth;

/// <summary>Source-generated JSON for the OAuth endpoints (Native-AOT safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ClerkAuthorizationServerMetadataJson))]
[JsonSerializable(typeof(ClerkOAuthTokenResponseJson))]
[JsonSerializable(typeof(ClerkOAuthErrorJson))]
[JsonSerializable(typeof(ClerkOAuthClientJson))]
[JsonSerializable(typeof(ClerkOAuthTokenInfoJson))]
[JsonSerializable(typeof(ClerkOAuthTestTokenRequestJson))]
[JsonSerializable(typeof(ClerkOAuthTestTokenJson))]
internal sealed partial class ClerkOAuthJsonContext : JsonSerializerContext;
