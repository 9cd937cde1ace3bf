using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Verity.DevStack.Clerk;

/// <summary>Maps the emulated Backend API (and, if enabled, the test-control surface) into any ASP.NET Core app.</summary>
public static class ClerkEmulatorEndpoints
{
    /// <summary>The path under which the test-control surface lives (below the mapping prefix).</summary>
    public const string TestControlPath = "/__emulator";

    /// <summary>
    /// Maps <c>/v1/users</c>, <c>/v1/sessions</c>, <c>/v1/sessions/{id}/tokens[/{template}]</c>, <c>/v1/jwks</c>
    /// (and any other <c>/v1/…</c> path, as a Clerk 404) below <paramref name="pathPrefix"/>. Clients use
    /// <c>{app URL}{pathPrefix}</c> as the Clerk API URL. The handlers are plain <see cref="RequestDelegate"/>s,
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
        }

        return group;
    }

    private static Task NotFoundAsync(HttpContext context) =>
        ClerkHttpResponses.WriteProblemAsync(context, ClerkErrors.ResourceNotFound());
}
