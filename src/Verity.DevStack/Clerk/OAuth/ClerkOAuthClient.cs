namespace Verity.DevStack.Clerk.OAuth;

/// <summary>An OAuth client registered with the instance (through dynamic client registration).</summary>
internal sealed record ClerkOAuthClient(
    string ClientId,
    string? ClientSecret,
    string? ClientName,
    IReadOnlyList<string> RedirectUris,
    string TokenEndpointAuthMethod,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string>? Scopes,
    DateTimeOffset IssuedAt)
{
    public bool IsPublic => TokenEndpointAuthMethod == ClerkOAuthClientAuthMethods.None;

    /// <summary>Never the secret.</summary>
    public override string ToString() => $"OAuth client {ClientId} ({TokenEndpointAuthMethod})";
}
