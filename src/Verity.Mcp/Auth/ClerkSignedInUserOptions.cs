namespace Verity.Mcp.Auth;

/// <summary>
/// Remote mode, where each call acts for its signed-in user: how many users' token caches are kept. Bound from
/// <c>CLERK_MAX_CACHED_USERS</c> and <c>CLERK_USER_IDLE_SECONDS</c>.
/// </summary>
public sealed class ClerkSignedInUserOptions
{
    public const int DefaultMaxCachedUsers = 1_000;
    public const int MinMaxCachedUsers = 1;
    public const int MaxMaxCachedUsers = 1_000_000;

    public const int DefaultUserIdleSeconds = 900;
    public const int MinUserIdleSeconds = 1;
    public const int MaxUserIdleSeconds = 86_400;

    /// <summary>
    /// <c>CLERK_MAX_CACHED_USERS</c>: the most users whose tokens are cached at once; a new user beyond it drops the
    /// least recently active one (who, on their next call, mints a token again).
    /// </summary>
    public int MaxCachedUsers { get; set; } = DefaultMaxCachedUsers;

    /// <summary><c>CLERK_USER_IDLE_SECONDS</c>: a user without a call for longer than this has their cached tokens dropped.</summary>
    public int UserIdleSeconds { get; set; } = DefaultUserIdleSeconds;

    public TimeSpan UserIdle => TimeSpan.FromSeconds(UserIdleSeconds);

    /// <summary>Values the binder could not parse, as one-line messages; reported by the validator.</summary>
    internal List<string> BindingErrors { get; } = [];
}
