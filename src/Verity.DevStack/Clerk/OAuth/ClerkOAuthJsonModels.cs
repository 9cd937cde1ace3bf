namespace Verity.DevStack.Clerk.OAuth;

// The JSON shapes of the Frontend API's OAuth endpoints (snake_case via ClerkOAuthJsonContext; nulls are left out,
// as the OAuth RFCs expect of optional members).

internal sealed record ClerkAuthorizationServerMetadataJson(
    string Issuer,
    string AuthorizationEndpoint,
    string TokenEndpoint,
    string RegistrationEndpoint,
    string IntrospectionEndpoint,
    string JwksUri,
    IReadOnlyList<string> ScopesSupported,
    IReadOnlyList<string> ResponseTypesSupported,
    IReadOnlyList<string> ResponseModesSupported,
    IReadOnlyList<string> GrantTypesSupported,
    IReadOnlyList<string> CodeChallengeMethodsSupported,
    IReadOnlyList<string> TokenEndpointAuthMethodsSupported,
    IReadOnlyList<string> IntrospectionEndpointAuthMethodsSupported,
    IReadOnlyList<string>? SubjectTypesSupported = null,
    IReadOnlyList<string>? IdTokenSigningAlgValuesSupported = null);

internal sealed record ClerkOAuthTokenResponseJson(string AccessToken, string TokenType, long ExpiresIn, string RefreshToken, string Scope);

internal sealed record ClerkOAuthErrorJson(string Error, string ErrorDescription);

internal sealed record ClerkOAuthClientJson(
    string ClientId,
    string? ClientSecret,
    long ClientIdIssuedAt,
    long? ClientSecretExpiresAt,
    string? ClientName,
    IReadOnlyList<string> RedirectUris,
    string TokenEndpointAuthMethod,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string> ResponseTypes,
    string? Scope);

/// <summary>RFC 7662: <c>{"active":false}</c> alone for a token that is not (or no longer) valid.</summary>
internal sealed record ClerkOAuthTokenInfoJson(
    bool Active,
    string? TokenType = null,
    string? ClientId = null,
    string? Sub = null,
    string? Scope = null,
    string? Iss = null,
    string? Aud = null,
    string? Jti = null,
    long? Iat = null,
    long? Nbf = null,
    long? Exp = null);

internal sealed record ClerkOAuthTestTokenRequestJson(
    string? User,
    string? Audience,
    string? Issuer,
    string? ClientId,
    string? Scope,
    long? ExpiresInSeconds,
    long? NotBeforeInSeconds,
    bool? UnknownKid);

internal sealed record ClerkOAuthTestTokenJson(
    string AccessToken,
    string Kid,
    string Jti,
    string Iss,
    string Sub,
    string Aud,
    string ClientId,
    string Scope,
    long Iat,
    long Nbf,
    long Exp);
