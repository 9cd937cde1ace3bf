namespace Verity.Mcp.Auth;

/// <summary>
/// How the server obtains Clerk session tokens for the API. Bound from flat keys named like the environment
/// variables (<c>CLERK_SECRET_KEY</c>, …), so env vars, top-level appsettings keys and <c>--KEY=value</c> all work.
/// </summary>
public sealed class ClerkOptions
{
    public const string DefaultApiUrl = "https://api.clerk.com";

    public const int DefaultTimeoutSeconds = 30;
    public const int MinTimeoutSeconds = 1;
    public const int MaxTimeoutSeconds = 600;

    /// <summary>The Backend API version every request asks for.</summary>
    public const string ApiVersion = "2026-05-12";

    /// <summary><c>CLERK_SECRET_KEY</c>: the instance's secret key (<c>sk_test_…</c> / <c>sk_live_…</c>).</summary>
    public string? SecretKey { get; set; }

    /// <summary><c>CLERK_API_URL</c>: the Backend API's origin, without <c>/v1</c>.</summary>
    public Uri ApiUrl { get; set; } = new(DefaultApiUrl);

    /// <summary><c>CLERK_SESSION_ID</c>: pins the session whose tokens are minted.</summary>
    public string? SessionId { get; set; }

    /// <summary><c>CLERK_USER_ID</c>: pins the user whose latest active session is used.</summary>
    public string? UserId { get; set; }

    /// <summary><c>CLERK_USER_EMAIL</c>: pins the user by e-mail address.</summary>
    public string? UserEmail { get; set; }

    /// <summary><c>CLERK_CREATE_SESSION</c>: lets the server create a session when the user has none (development instances only).</summary>
    public bool CreateSession { get; set; }

    /// <summary><c>CLERK_TOKEN_LIFETIME_SECONDS</c>: the lifetime to ask Clerk for; null keeps Clerk's own (60 s).</summary>
    public int? TokenLifetimeSeconds { get; set; }

    /// <summary>
    /// <c>CLERK_TOKEN_REFRESH_MARGIN_SECONDS</c>: how long before <c>exp</c> a token is renewed; null means
    /// min(15 s, lifetime / 4). Less than 2 s counts as 2 s, so a renewal always starts before the token expires.
    /// </summary>
    public int? TokenRefreshMarginSeconds { get; set; }

    /// <summary><c>CLERK_JWT_TEMPLATE</c>: mint tokens from this JWT template instead of the default session token.</summary>
    public string? JwtTemplate { get; set; }

    /// <summary>
    /// <c>CLERK_TIMEOUT_SECONDS</c>: how long a request waits for a session token (Clerk's rate-limit pauses
    /// included), and how long each call to Clerk may take. This time is Clerk's: an API request's own time limit
    /// starts once it has its token.
    /// </summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>Neutral: the runtime does not know which app its users sign in to.</summary>
    public const string DefaultAppName = "the web app";

    /// <summary>
    /// Where users sign in, as the advice in sign-in errors puts it ("sign in to {AppName} once"). Set by the host
    /// (e.g. "the Acme web app"); not a setting.
    /// </summary>
    public string AppName { get; set; } = DefaultAppName;

    /// <summary><c>VERITY_API_KEY</c>: the legacy static API key, used only when no Clerk secret key is set.</summary>
    public string? LegacyApiKey { get; set; }

    /// <summary>True when requests carry <see cref="LegacyApiKey"/> instead of Clerk session tokens.</summary>
    public bool IsLegacyMode => string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(LegacyApiKey);

    /// <summary>
    /// Set by <see cref="ClerkAuthenticationExtensions.AddClerkSignedInUserAuthentication"/>: tokens are minted for each
    /// call's signed-in user, so a pinned user or session, the legacy key and session creation do not apply.
    /// </summary>
    internal bool ForSignedInUsers { get; set; }

    /// <summary>Values the binder could not parse, as one-line messages; reported by the validator.</summary>
    internal List<string> BindingErrors { get; } = [];
}
