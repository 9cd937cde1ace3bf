namespace Verity.Mcp.Auth;

/// <summary>One entry of a Clerk user's <c>email_addresses</c>.</summary>
public sealed class ClerkEmailAddress
{
    public string? Id { get; init; }

    public required string EmailAddress { get; init; }
}
