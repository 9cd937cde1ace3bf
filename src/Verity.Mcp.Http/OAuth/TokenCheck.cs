namespace Verity.Mcp.HttpServer.OAuth;

/// <summary>The outcome of verifying an access token: the token, or a short reason safe to tell the caller and to log.</summary>
internal readonly record struct TokenCheck(AccessToken? Token, string? Failure)
{
    public static TokenCheck Valid(AccessToken token) => new(token, null);

    public static TokenCheck Invalid(string reason) => new(null, reason);
}
