using System.Text.Json.Serialization;

namespace Verity.DevStack.Api;

/// <summary>Source-generated JSON for the sample API (Native-AOT safe): camelCase, explicit nulls.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Agent))]
[JsonSerializable(typeof(AgentPage))]
[JsonSerializable(typeof(Call))]
[JsonSerializable(typeof(CallPage))]
[JsonSerializable(typeof(Transcript))]
[JsonSerializable(typeof(Contact))]
[JsonSerializable(typeof(ContactPage))]
[JsonSerializable(typeof(PhoneNumberList))]
[JsonSerializable(typeof(DeleteResult))]
[JsonSerializable(typeof(ApiErrorBody))]
[JsonSerializable(typeof(RecordedRequest))]
[JsonSerializable(typeof(List<RecordedRequest>))]
[JsonSerializable(typeof(ApiFaultRequest))]
internal sealed partial class SampleApiJsonContext : JsonSerializerContext;
