namespace Verity.DevStack.Clerk;

/// <summary>Turns the emulator's records into Clerk's JSON shapes (times in Unix milliseconds).</summary>
internal static class ClerkWireMapper
{
    private static readonly ClerkVerificationJson EmailVerified = new("verified", "email_code", null, null);
    private static readonly ClerkVerificationJson PhoneVerified = new("verified", "phone_code", null, null);

    public static ClerkUserJson ToJson(ClerkUser user)
    {
        var hasPhone = user.PhoneNumber.Length > 0;
        return new ClerkUserJson(
            Id: user.Id,
            Username: null,
            FirstName: user.FirstName,
            LastName: user.LastName,
            ImageUrl: "https://img.clerk.com/emulator-default-avatar",
            HasImage: false,
            PrimaryEmailAddressId: user.EmailAddressId,
            PrimaryPhoneNumberId: hasPhone ? user.PhoneNumberId : null,
            PrimaryWeb3WalletId: null,
            PasswordEnabled: true,
            TwoFactorEnabled: false,
            TotpEnabled: false,
            BackupCodeEnabled: false,
            EmailAddresses: [new ClerkEmailAddressJson(user.EmailAddressId, user.EmailAddress, EmailVerified)],
            PhoneNumbers: hasPhone ? [new ClerkPhoneNumberJson(user.PhoneNumberId, user.PhoneNumber, PhoneVerified)] : [],
            Web3Wallets: [],
            ExternalAccounts: [],
            PublicMetadata: ClerkEmptyJson.Instance,
            PrivateMetadata: ClerkEmptyJson.Instance,
            UnsafeMetadata: ClerkEmptyJson.Instance,
            ExternalId: null,
            LastSignInAt: user.LastSignInAt?.ToUnixTimeMilliseconds(),
            Banned: false,
            Locked: false,
            LockoutExpiresInSeconds: null,
            VerificationAttemptsRemaining: 100,
            DeleteSelfEnabled: true,
            CreateOrganizationEnabled: true,
            LastActiveAt: user.LastSignInAt?.ToUnixTimeMilliseconds(),
            CreatedAt: user.CreatedAt.ToUnixTimeMilliseconds(),
            UpdatedAt: user.UpdatedAt.ToUnixTimeMilliseconds());
    }

    public static ClerkSessionJson ToJson(ClerkSession session, DateTimeOffset now) => new(
        Id: session.Id,
        UserId: session.UserId,
        ClientId: session.ClientId,
        Actor: null,
        Status: session.StatusAt(now),
        LastActiveOrganizationId: null,
        LastActiveAt: session.LastActiveAt.ToUnixTimeMilliseconds(),
        ExpireAt: session.ExpireAt.ToUnixTimeMilliseconds(),
        AbandonAt: session.AbandonAt.ToUnixTimeMilliseconds(),
        CreatedAt: session.CreatedAt.ToUnixTimeMilliseconds(),
        UpdatedAt: session.UpdatedAt.ToUnixTimeMilliseconds());
}
