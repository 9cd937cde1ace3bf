namespace Verity.DevStack.Clerk.OAuth;

/// <summary>The token endpoint authentication methods Clerk offers (RFC 7591 names).</summary>
internal static class ClerkOAuthClientAuthMethods
{
    public const string None = "none";
    public const string ClientSecretBasic = "client_secret_basic";
    public const string ClientSecretPost = "client_secret_post";

    public static IReadOnlyList<string> All { get; } = [None, ClientSecretBasic, ClientSecretPost];
}
