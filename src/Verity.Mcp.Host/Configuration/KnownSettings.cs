namespace Verity.Mcp.Host.Configuration;

/// <summary>
/// Every setting, by the flat key that environment variables, appsettings.json and <c>--KEY=value</c> share.
/// The options classes that own them bind these keys; this list exists to reject typos and to print help.
/// </summary>
internal static class KnownSettings
{
    public const string LogLevel = "VERITY_LOG_LEVEL";
    public const string CatalogPath = "VERITY_CATALOG_PATH";
    public const string BaseUrl = "VERITY_BASE_URL";
    public const string ClerkSecretKey = "CLERK_SECRET_KEY";
    public const string ClerkApiUrl = "CLERK_API_URL";

    public static IReadOnlyList<Setting> All { get; } =
    [
        new(ClerkSecretKey, "(required)", "Clerk secret key (sk_test_… / sk_live_…) used to mint session tokens.", Secret: true),
        new(ClerkApiUrl, "https://api.clerk.com", "Clerk Backend API base URL (verity-devstack run prints a local one); https, or http on loopback only."),
        new("CLERK_SESSION_ID", "(none)", "Session to mint tokens for (sess_…); skips user/session lookup. A live key needs this, CLERK_USER_ID or CLERK_USER_EMAIL."),
        new("CLERK_USER_ID", "(none)", "User whose most recently active session is used (user_…). Unset with a test key: the instance's oldest user."),
        new("CLERK_USER_EMAIL", "(none)", "Alternative to CLERK_USER_ID: find the user by e-mail address."),
        new("CLERK_CREATE_SESSION", "false", "Create a session for the user when none is active (Clerk development instances only)."),
        new("CLERK_TOKEN_LIFETIME_SECONDS", "(Clerk's 60)", "Lifetime asked for minted session tokens (expires_in_seconds)."),
        new("CLERK_TOKEN_REFRESH_MARGIN_SECONDS", "min(15, lifetime/4)", "Renew a token this many seconds before its exp (at least 2)."),
        new("CLERK_JWT_TEMPLATE", "(none)", "JWT template name to mint tokens with."),
        new("CLERK_TIMEOUT_SECONDS", "30", "How long a call waits for Clerk's session token (rate-limit pauses included); not counted against VERITY_TIMEOUT_SECONDS."),
        new("VERITY_API_KEY", "(none)", "Legacy static API key sent instead of a Clerk session token.", Secret: true),
        new(BaseUrl, "the catalog's api.baseUrl", "Base URL of the Verity API; https, or http on loopback only."),
        new("VERITY_TOOLS", "(all)", "Comma list of tool names or tag:NAME to expose; others are hidden."),
        new("VERITY_READ_ONLY", "false", "true = expose read-only tools only."),
        new("VERITY_TOOL_MODE", "auto", "all = one tool per endpoint; dynamic = three tools that search, describe and call them; auto = dynamic when the client takes fewer tools than there are (or above VERITY_TOOL_MODE_THRESHOLD)."),
        new("VERITY_TOOL_MODE_THRESHOLD", "(none)", "In auto mode, go dynamic above this many tools for every client."),
        new("VERITY_CLIENT_PROFILE", "auto", "Tool schemas shaped for the client: auto (by its name), exact, cursor, claude, vscode, gemini or openai."),
        new("VERITY_TIMEOUT_SECONDS", "30", "Default per-request timeout (an endpoint's timeoutSeconds overrides it)."),
        new("VERITY_MAX_RESPONSE_BYTES", "102400", "Response bodies longer than this are cut (the result says how much)."),
        new(CatalogPath, "catalog/verity.catalog.json", "Build time: the catalog compiled in. Run time: warn when this file differs from the compiled one."),
        new(LogLevel, "Warning (serve), Information (other verbs)", "Trace, Debug, Information, Warning, Error, Critical or None; logs go to stderr."),
    ];

    public static bool Contains(string name) => Find(name) is not null;

    /// <summary>The setting's name as documented (keys are case-insensitive, like environment lookups in configuration).</summary>
    public static string Canonical(string name) => Find(name)?.Name ?? name;

    private static Setting? Find(string name)
    {
        foreach (var setting in All)
        {
            if (string.Equals(setting.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return setting;
            }
        }

        return null;
    }
}
