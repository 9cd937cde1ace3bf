namespace Verity.Mcp.Host.Tests.Infrastructure;

/// <summary>What <c>sign-in-and-call.mjs</c> saw: every request it made, the sign-in steps, the tools and the calls.</summary>
public sealed record TypeScriptSignInReport(
    IReadOnlyList<ClientRequest> Http,
    SignInRegistration? Registration,
    SignInAuthorization? Authorization,
    IReadOnlyList<SignInTokenGrant> TokenGrants,
    IReadOnlyList<string> Tools,
    IReadOnlyList<TypeScriptToolCall> Calls,
    IReadOnlyList<TypeScriptToolCall> CallsAfterExpiry);

/// <summary>
/// One request of the client, described (never copied): whether it carried a bearer token, the JSON-RPC method or
/// the OAuth grant type it sent, the status and <c>WWW-Authenticate</c> it got.
/// </summary>
public sealed record ClientRequest(
    string Method,
    string Origin,
    string Path,
    bool Bearer,
    string? RpcMethod,
    string? GrantType,
    bool HasCodeVerifier,
    string? Resource,
    int Status,
    string? WwwAuthenticate);

/// <summary>The client's dynamic registration as the authorization server answered it.</summary>
public sealed record SignInRegistration(bool ClientIdIssued, string? TokenEndpointAuthMethod, IReadOnlyList<string> RedirectUris);

/// <summary>The authorization request the SDK built and the authorization server's redirect.</summary>
public sealed record SignInAuthorization(
    string Path,
    string? ResponseType,
    string? CodeChallengeMethod,
    bool CodeChallenge,
    string? Resource,
    string? Scope,
    int Status,
    string? RedirectedTo,
    bool StateEchoed,
    bool CodeIssued);

/// <summary>Tokens the SDK saved (from the code, then from each refresh).</summary>
public sealed record SignInTokenGrant(string TokenType, int? ExpiresIn, string? Scope, bool RefreshToken);
