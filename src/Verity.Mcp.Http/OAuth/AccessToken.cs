namespace Verity.Mcp.HttpServer.OAuth;

/// <summary>What a verified access token says about its caller. The token's text is never kept.</summary>
/// <param name="Subject">The <c>sub</c> claim: the Clerk user id of the signed-in person.</param>
internal sealed record AccessToken(string Subject, IReadOnlySet<string> Scopes, string? ClientId, DateTimeOffset ExpiresAt)
{
    public bool HasAnyScope(params ReadOnlySpan<string> scopes)
    {
        foreach (var scope in scopes)
        {
            if (Scopes.Contains(scope))
            {
                return true;
            }
        }

        return false;
    }
}
