namespace Verity.Mcp.Auth;

/// <summary>
/// Remote mode, where each call acts for its signed-in user: how many users' token caches are kept and what a user
/// without a session is told. Bound from <c>CLERK_MAX_CACHED_USERS</c> and <c>CLERK_USER_IDLE_SECONDS</c>;
/// <see cref="AppName"/> is set by the host.
/// </summary>
public sealed class ClerkSignedInUserOptions
{
    public const int DefaultMaxCachedUsers = 1_000;
    public const int MinMaxCachedUsers = 1;
    public const int MaxMaxCachedUsers = 1_000_000;

    public const int DefaultUserIdleSeconds = 900;
    public const int MinUserIdleSeconds = 1;
    public const int MaxUserIdleSeconds = 86_400;

    /// <summary>Neutral: the runtime does not know which app its users sign in to.</summary>
    public const string DefaultAppName = "the web app";

    /// <summary>
    /// <c>CLERK_MAX_CACHED_USERS</c>: the most users whose tokens are cached at once; a new user beyond it drops the
    /// least recently active one (who, on their next call, mints a token again).
    /// </summary>
    public int MaxCachedUsers { get; set; } = DefaultMaxCachedUsers;

    /// <summary><c>CLERK_USER_IDLE_SECONDS</c>: a user without a call for longer than this has their cached tokens dropped.</summary>
    public int UserIdleSeconds { get; set; } = DefaultUserIdleSeconds;

    public TimeSpan UserIdle => TimeSpan.FromSeconds(UserIdleSeconds);

    /// <summary>
    /// Where users sign in, as the error for a user without an active session puts it: "sign in to {AppName} once".
    /// Set by the host (e.g. "the Acme web app").
    /// </summary>
    public string AppName { get; set; } = DefaultAppName;

    /// <summary>Values the binder could not parse, as one-line messages; reported by the validator.</summary>
    internal List<string> BindingErrors { get; } = [];
}
