namespace Verity.Mcp.Auth;

/// <summary>The part of Clerk's user object that subject selection needs.</summary>
public sealed class ClerkUser
{
    public required string Id { get; init; }

    public IReadOnlyList<ClerkEmailAddress> EmailAddresses { get; init; } = [];

    public string? PrimaryEmailAddressId { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public long CreatedAt { get; init; }

    /// <summary>The primary address, else the first one, else null.</summary>
    public string? PrimaryEmail =>
        EmailAddresses.FirstOrDefault(e => e.Id == PrimaryEmailAddressId)?.EmailAddress
        ?? EmailAddresses.FirstOrDefault()?.EmailAddress;
}
