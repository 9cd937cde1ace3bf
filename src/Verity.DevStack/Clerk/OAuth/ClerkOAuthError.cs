namespace Verity.DevStack.Clerk.OAuth;

/// <summary>An OAuth error (RFC 6749 §5.2, RFC 7591 §3.2.2): the code, a description for developers, the status.</summary>
internal sealed record ClerkOAuthError(string Error, string Description, int StatusCode = 400)
{
    public static ClerkOAuthError InvalidRequest(string description) => new("invalid_request", description);

    public static ClerkOAuthError InvalidClient(string description) => new("invalid_client", description, 401);

    public static ClerkOAuthError InvalidGrant(string description) => new("invalid_grant", description);

    public static ClerkOAuthError InvalidScope(string description) => new("invalid_scope", description);

    public static ClerkOAuthError InvalidTarget(string description) => new("invalid_target", description);

    public static ClerkOAuthError UnsupportedGrantType(string description) => new("unsupported_grant_type", description);

    public static ClerkOAuthError UnauthorizedClient(string description) => new("unauthorized_client", description);

    public static ClerkOAuthError InvalidRedirectUri(string description) => new("invalid_redirect_uri", description);

    public static ClerkOAuthError InvalidClientMetadata(string description) => new("invalid_client_metadata", description);
}
