namespace Verity.Mcp.Http;

/// <summary>What the assistant (or its user) can do about a failed status.</summary>
internal static class StatusHints
{
    /// <param name="settings">The keys of the API's own settings, named where they may be the cause.</param>
    /// <param name="checkCommand">The host's command that checks the configuration, if it has one.</param>
    public static string For(int status, bool authRetried, ApiSettingNames settings, string? checkCommand) => status switch
    {
        400 => "The API rejected the request as malformed: check the arguments against the tool's input schema and try again.",
        401 when authRetried => "Authentication failed even after a token refresh: the API rejects valid tokens, so the server waits a while before minting another one for it. "
            + Check(checkCommand, $"CLERK_SECRET_KEY, the user/session settings and {settings.BaseUrl}"),
        401 => "The API did not accept the credentials. " + Check(checkCommand, "CLERK_SECRET_KEY and the user/session settings"),
        403 => "The signed-in user is not allowed to do this. Ask a workspace admin for access, or configure another user (CLERK_USER_ID / CLERK_USER_EMAIL).",
        404 => "Nothing was found at that address: check the id (list or search first to find the right one).",
        405 => "The API does not allow this method here: the catalog may be out of date with the API.",
        408 => "The API gave up waiting for the request: try again.",
        409 => "The request conflicts with the current state (for example a duplicate, or an Idempotency-Key reused with different content): read the current state, then decide whether to try again.",
        410 => "The item existed but is gone for good.",
        413 => "The request is too large for the API: send less at once.",
        415 => "The API does not accept this content type: the catalog may be out of date with the API.",
        422 => "The API understood the request but rejected some values: fix the fields named above and try again.",
        429 => "Too many requests: wait a little before calling again (idempotent calls were already retried).",
        502 or 503 or 504 => "The API is unavailable or overloaded right now: try again in a little while (idempotent calls were already retried).",
        >= 500 => "The API failed on its side: try again later; if it keeps failing, report it with the time of the call.",
        >= 400 => "The API refused the request: check the arguments.",
        _ => "The API answered with an unexpected status.",
    };

    /// <summary>"Run `cmd` to check …" when the host has a check command, else "Check …".</summary>
    public static string Check(string? checkCommand, string what) =>
        checkCommand is null ? $"Check {what}." : $"Run `{checkCommand}` to check {what}.";
}
