namespace Verity.Mcp.HttpServer.OAuth;

/// <summary>
/// The outcome of verifying an access token: the token, or why not, as a sentence safe to tell the caller and to log
/// and as a fixed word for the rejected-token metric (never anything read from the token).
/// </summary>
internal readonly record struct TokenCheck(AccessToken? Token, string? Failure, string? Reason)
{
    public static TokenCheck Valid(AccessToken token) => new(token, null, null);

    public static TokenCheck Invalid(string reason, string failure) => new(null, failure, reason);
}
