using System.Text.Json.Serialization;

namespace Verity.DevStack.Clerk;

/// <summary>Source-generated JSON for the emulator (Native-AOT safe); Clerk writes snake_case and explicit nulls.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(List<ClerkUserJson>))]
[JsonSerializable(typeof(List<ClerkSessionJson>))]
[JsonSerializable(typeof(ClerkSessionJson))]
[JsonSerializable(typeof(ClerkSessionPageJson))]
[JsonSerializable(typeof(ClerkTokenJson))]
[JsonSerializable(typeof(ClerkJwksJson))]
[JsonSerializable(typeof(ClerkErrorsJson))]
[JsonSerializable(typeof(ClerkFaultRequestJson))]
[JsonSerializable(typeof(ClerkSigningKeyJson))]
[JsonSerializable(typeof(ClerkCountersJson))]
internal sealed partial class ClerkJsonContext : JsonSerializerContext;
