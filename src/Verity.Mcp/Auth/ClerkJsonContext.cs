using System.Text.Json.Serialization;

namespace Verity.Mcp.Auth;

/// <summary>Source-generated JSON for the Clerk Backend API (Native AOT has no reflection-based serializer).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(List<ClerkUser>))]
[JsonSerializable(typeof(List<ClerkSession>))]
[JsonSerializable(typeof(ClerkSession))]
[JsonSerializable(typeof(ClerkSessionPage))]
[JsonSerializable(typeof(ClerkTokenResponse))]
[JsonSerializable(typeof(ClerkErrorBody))]
[JsonSerializable(typeof(CreateSessionTokenBody))]
[JsonSerializable(typeof(CreateSessionBody))]
internal sealed partial class ClerkJsonContext : JsonSerializerContext;
