namespace Verity.DevStack.Clerk;

/// <summary>A user of the emulated instance, with one e-mail address and one phone number.</summary>
public sealed record ClerkUser(
    string Id,
    string FirstName,
    string LastName,
    string EmailAddressId,
    string EmailAddress,
    string PhoneNumberId,
    string PhoneNumber,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastSignInAt);
