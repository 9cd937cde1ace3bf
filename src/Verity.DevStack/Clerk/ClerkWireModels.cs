using System.Text.Json.Serialization;

namespace Verity.DevStack.Clerk;

// The JSON shapes of Clerk's Backend API, as the emulator writes them (snake_case via ClerkJsonContext).

internal sealed record ClerkUserJson(
    string Id,
    string? Username,
    string FirstName,
    string LastName,
    string ImageUrl,
    bool HasImage,
    string PrimaryEmailAddressId,
    string? PrimaryPhoneNumberId,
    string? PrimaryWeb3WalletId,
    bool PasswordEnabled,
    bool TwoFactorEnabled,
    bool TotpEnabled,
    bool BackupCodeEnabled,
    IReadOnlyList<ClerkEmailAddressJson> EmailAddresses,
    IReadOnlyList<ClerkPhoneNumberJson> PhoneNumbers,
    IReadOnlyList<ClerkEmptyJson> Web3Wallets,
    IReadOnlyList<ClerkEmptyJson> ExternalAccounts,
    ClerkEmptyJson PublicMetadata,
    ClerkEmptyJson PrivateMetadata,
    ClerkEmptyJson UnsafeMetadata,
    string? ExternalId,
    long? LastSignInAt,
    bool Banned,
    bool Locked,
    long? LockoutExpiresInSeconds,
    int? VerificationAttemptsRemaining,
    bool DeleteSelfEnabled,
    bool CreateOrganizationEnabled,
    long? LastActiveAt,
    long CreatedAt,
    long UpdatedAt)
{
    [JsonPropertyOrder(-1)]
    public string Object => "user";
}

internal sealed record ClerkEmailAddressJson(string Id, string EmailAddress, ClerkVerificationJson Verification)
{
    [JsonPropertyOrder(-1)]
    public string Object => "email_address";

    public bool Reserved => false;

    public IReadOnlyList<ClerkEmptyJson> LinkedTo => [];
}

internal sealed record ClerkPhoneNumberJson(string Id, string PhoneNumber, ClerkVerificationJson Verification)
{
    [JsonPropertyOrder(-1)]
    public string Object => "phone_number";

    public bool ReservedForSecondFactor => false;

    public bool DefaultSecondFactor => false;

    public bool Reserved => false;

    public IReadOnlyList<ClerkEmptyJson> LinkedTo => [];
}

internal sealed record ClerkVerificationJson(string Status, string Strategy, int? Attempts, long? ExpireAt);

/// <summary>An empty JSON object (<c>{}</c>), for metadata and lists the emulator never fills.</summary>
internal sealed class ClerkEmptyJson
{
    public static ClerkEmptyJson Instance { get; } = new();
}

internal sealed record ClerkSessionJson(
    string Id,
    string UserId,
    string ClientId,
    string? Actor,
    string Status,
    string? LastActiveOrganizationId,
    long LastActiveAt,
    long ExpireAt,
    long AbandonAt,
    long CreatedAt,
    long UpdatedAt)
{
    [JsonPropertyOrder(-1)]
    public string Object => "session";
}

internal sealed record ClerkSessionPageJson(IReadOnlyList<ClerkSessionJson> Data, int TotalCount);

internal sealed record ClerkTokenJson(string Jwt)
{
    [JsonPropertyOrder(-1)]
    public string Object => "token";
}

internal sealed record ClerkJsonWebKey(string Use, string Kty, string Kid, string Alg, string N, string E);

internal sealed record ClerkJwksJson(IReadOnlyList<ClerkJsonWebKey> Keys);

internal sealed record ClerkErrorJson(
    string Message,
    string LongMessage,
    string Code,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ClerkErrorMetaJson? Meta);

internal sealed record ClerkErrorMetaJson(string ParamName);

internal sealed record ClerkErrorsJson(IReadOnlyList<ClerkErrorJson> Errors, string ClerkTraceId);
