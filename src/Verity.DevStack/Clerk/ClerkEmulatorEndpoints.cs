using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Verity.DevStack.Clerk.OAuth;

namespace Verity.DevStack.Clerk;

/// <summary>Maps the emulated Backend API (and, if enabled, the test-control surface) into any ASP.NET Core app.</summary>
public static class ClerkEmulatorEndpoints
{
    /// <summary>The path under which the test-control surface lives (below the mapping prefix).</summary>
    public const string TestControlPath = "/__emulator";

    /// <summary>
    /// Maps <c>/v1/users</c>, <c>/v1/sessions</c>, <c>/v1/sessions/{id}/tokens[/{template}]</c>, <c>/v1/jwks</c>
    /// (and any other <c>/v1/…</c> path, as a Clerk 404) below <paramref name="pathPrefix"/>, and beside them the
    /// instance's Frontend API OAuth server: <c>/.well-known/oauth-authorization-server</c>,
    /// <c>/.well-known/openid-configuration</c>, <c>/.well-known/jwks.json</c>, <c>/oauth/register</c>,
    /// <c>/oauth/authorize</c>, <c>/oauth/token</c>, <c>/oauth/token_info</c>. Clients use <c>{app URL}{pathPrefix}</c>
    /// as the Clerk API URL and (unless <see cref="ClerkInstance.UseFrontendApiUrl"/> says otherwise) as the Frontend API URL. The handlers are plain <see cref="RequestDelegate"/>s,
    /// so this is safe under Native AOT.
    /// </summary>
    public static RouteGroupBuilder MapClerkEmulator(this IEndpointRouteBuilder endpoints, ClerkInstance instance, string pathPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(instance);
        var group = endpoints.MapGroup(pathPrefix.TrimEnd('/'));

        var gate = new ClerkRequestGate(instance);
        var users = new ClerkUserEndpoints(instance);
        var sessions = new ClerkSessionEndpoints(instance);
        var tokens = new ClerkTokenEndpoints(instance);
        var jwks = new ClerkJwksEndpoint(instance);

        group.MapGet("/v1/users", gate.Wrap(users.ListAsync, rateLimited: true));
        group.MapGet("/v1/sessions", gate.Wrap(sessions.ListAsync, rateLimited: true));
        group.MapPost("/v1/sessions", gate.Wrap(sessions.CreateAsync, rateLimited: true));
        group.MapPost("/v1/sessions/{session_id}/tokens", gate.Wrap(tokens.CreateSessionTokenAsync, rateLimited: true));
        group.MapPost("/v1/sessions/{session_id}/tokens/{template_name}", gate.Wrap(tokens.CreateTemplateTokenAsync, rateLimited: true));
        group.MapGet("/v1/jwks", gate.Wrap(jwks.GetAsync, rateLimited: false));
        group.Map("/v1/{**rest}", gate.Wrap(NotFoundAsync, rateLimited: true));

        // The Frontend API needs no secret key and has no Backend API rate limit.
        var prefix = pathPrefix.TrimEnd('/');
        var metadata = new ClerkOAuthMetadataEndpoints(instance, prefix);
        var authorize = new ClerkOAuthAuthorizeEndpoint(instance);
        group.MapGet("/.well-known/oauth-authorization-server", metadata.GetAuthorizationServerMetadataAsync);
        group.MapGet("/.well-known/openid-configuration", metadata.GetOpenIdConfigurationAsync);
        group.MapGet("/.well-known/jwks.json", metadata.GetJwksAsync);
        group.MapPost("/oauth/register", new ClerkOAuthRegistrationEndpoint(instance).RegisterAsync);
        group.MapGet("/oauth/authorize", authorize.AuthorizeAsync);
        group.MapPost("/oauth/authorize", authorize.AuthorizeAsync);
        group.MapPost("/oauth/token", new ClerkOAuthTokenEndpoint(instance, prefix).TokenAsync);
        group.MapPost("/oauth/token_info", new ClerkOAuthTokenInfoEndpoint(instance).IntrospectAsync);

        if (instance.Options.EnableTestControl)
        {
            var control = new ClerkTestControlEndpoints(instance);
            group.MapPost(TestControlPath + "/faults", control.InjectFaultsAsync);
            group.MapDelete(TestControlPath + "/faults", control.ClearFaultsAsync);
            group.MapPost(TestControlPath + "/sessions/{session_id}/revoke", control.RevokeSessionAsync);
            group.MapPost(TestControlPath + "/sessions/{session_id}/end", control.EndSessionAsync);
            group.MapPost(TestControlPath + "/users/{user_id}/sessions", control.CreateSessionAsync);
            group.MapPost(TestControlPath + "/keys/rotate", control.RotateKeyAsync);
            group.MapPost(TestControlPath + "/rate-limit/reset", control.ResetRateLimitAsync);
            group.MapGet(TestControlPath + "/state", control.GetStateAsync);
            group.MapPost(TestControlPath + "/oauth/access-tokens", new ClerkOAuthTestControlEndpoints(instance, prefix).IssueAccessTokenAsync);
        }

        return group;
    }

    private static Task NotFoundAsync(HttpContext context) =>
        ClerkHttpResponses.WriteProblemAsync(context, ClerkErrors.ResourceNotFound());
}
