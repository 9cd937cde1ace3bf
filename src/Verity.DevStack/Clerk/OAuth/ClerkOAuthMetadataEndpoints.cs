using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk.OAuth;

/// <summary>
/// <c>GET /.well-known/oauth-authorization-server</c> (RFC 8414), <c>/.well-known/openid-configuration</c> and
/// <c>/.well-known/jwks.json</c> (the same keys as the Backend API's <c>/v1/jwks</c>, without a key).
/// </summary>
internal sealed class ClerkOAuthMetadataEndpoints(ClerkInstance instance, string pathPrefix)
{
    public Task GetAuthorizationServerMetadataAsync(HttpContext context) =>
        ClerkOAuthHttpResponses.WriteJsonAsync(context, Metadata(context, openId: false), ClerkOAuthJsonContext.Default.ClerkAuthorizationServerMetadataJson);

    public Task GetOpenIdConfigurationAsync(HttpContext context) =>
        ClerkOAuthHttpResponses.WriteJsonAsync(context, Metadata(context, openId: true), ClerkOAuthJsonContext.Default.ClerkAuthorizationServerMetadataJson);

    public Task GetJwksAsync(HttpContext context) =>
        ClerkHttpResponses.WriteJsonAsync(context, new ClerkJwksJson([instance.Keys.Current.PublicKey]), ClerkJsonContext.Default.ClerkJwksJson);

    private ClerkAuthorizationServerMetadataJson Metadata(HttpContext context, bool openId)
    {
        var issuer = ClerkFrontendApiUrl.For(context, instance, pathPrefix);
        return new ClerkAuthorizationServerMetadataJson(
            Issuer: issuer,
            AuthorizationEndpoint: issuer + "/oauth/authorize",
            TokenEndpoint: issuer + "/oauth/token",
            RegistrationEndpoint: issuer + "/oauth/register",
            IntrospectionEndpoint: issuer + "/oauth/token_info",
            JwksUri: issuer + "/.well-known/jwks.json",
            ScopesSupported: instance.OAuth.SupportedScopes,
            ResponseTypesSupported: ["code"],
            ResponseModesSupported: ["query"],
            GrantTypesSupported: ["authorization_code", "refresh_token"],
            CodeChallengeMethodsSupported: ["S256"],
            TokenEndpointAuthMethodsSupported: ClerkOAuthClientAuthMethods.All,
            IntrospectionEndpointAuthMethodsSupported: ClerkOAuthClientAuthMethods.All,
            SubjectTypesSupported: openId ? ["public"] : null,
            IdTokenSigningAlgValuesSupported: openId ? ["RS256"] : null);
    }
}
