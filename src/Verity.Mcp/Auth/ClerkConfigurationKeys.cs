namespace Verity.Mcp.Auth;

/// <summary>The configuration keys (and environment variable names) of <see cref="ClerkOptions"/>.</summary>
public static class ClerkConfigurationKeys
{
    public const string SecretKey = "CLERK_SECRET_KEY";
    public const string ApiUrl = "CLERK_API_URL";
    public const string SessionId = "CLERK_SESSION_ID";
    public const string UserId = "CLERK_USER_ID";
    public const string UserEmail = "CLERK_USER_EMAIL";
    public const string CreateSession = "CLERK_CREATE_SESSION";
    public const string TokenLifetimeSeconds = "CLERK_TOKEN_LIFETIME_SECONDS";
    public const string TokenRefreshMarginSeconds = "CLERK_TOKEN_REFRESH_MARGIN_SECONDS";
    public const string JwtTemplate = "CLERK_JWT_TEMPLATE";
    public const string TimeoutSeconds = "CLERK_TIMEOUT_SECONDS";
    public const string LegacyApiKey = "VERITY_API_KEY";

    /// <summary>Remote mode: how many signed-in users' token caches are kept (<see cref="ClerkSignedInUserOptions"/>).</summary>
    public const string MaxCachedUsers = "CLERK_MAX_CACHED_USERS";

    /// <summary>Remote mode: after how many idle seconds a signed-in user's token cache is dropped.</summary>
    public const string UserIdleSeconds = "CLERK_USER_IDLE_SECONDS";
}
