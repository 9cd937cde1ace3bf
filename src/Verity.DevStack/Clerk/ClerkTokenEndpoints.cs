using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk;

/// <summary><c>POST /v1/sessions/{id}/tokens</c> and <c>POST /v1/sessions/{id}/tokens/{template}</c>.</summary>
internal sealed class ClerkTokenEndpoints(ClerkInstance instance)
{
    public const int MinLifetimeSeconds = 30;
    public const int MaxLifetimeSeconds = 315_360_000;

    public Task CreateSessionTokenAsync(HttpContext context) => CreateAsync(context, templateName: null);

    public Task CreateTemplateTokenAsync(HttpContext context) =>
        CreateAsync(context, context.Request.RouteValues["template_name"] as string ?? string.Empty);

    private async Task CreateAsync(HttpContext context, string? templateName)
    {
        var body = await ClerkRequestBody.ReadObjectAsync(context);
        int? lifetimeSeconds = null;
        var problem = body.Problem;
        if (problem is null)
        {
            problem = ReadLifetime(body.Object, out lifetimeSeconds);
        }

        var sessionId = context.Request.RouteValues["session_id"] as string ?? string.Empty;
        var session = problem is null ? instance.FindActiveSession(sessionId) : null;
        ClerkJwtTemplate? template = null;
        if (problem is null && session is null)
        {
            problem = ClerkErrors.ResourceNotFound();
        }
        else if (problem is null && templateName is not null && !instance.TryGetTemplate(templateName, out template))
        {
            problem = ClerkErrors.JwtTemplateNotFound(templateName);
        }

        if (problem is not null)
        {
            await ClerkHttpResponses.WriteProblemAsync(context, problem);
            return;
        }

        var jwt = instance.Mint(session!, lifetimeSeconds, template);
        await ClerkHttpResponses.WriteJsonAsync(context, new ClerkTokenJson(jwt), ClerkJsonContext.Default.ClerkTokenJson);
    }

    private static ClerkProblem? ReadLifetime(JsonElement? body, out int? lifetimeSeconds)
    {
        lifetimeSeconds = null;
        if (body is not { } json || !json.TryGetProperty("expires_in_seconds", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var seconds))
        {
            return ClerkErrors.RequestBodyInvalid("expires_in_seconds must be an integer.");
        }

        if (seconds < MinLifetimeSeconds || seconds > MaxLifetimeSeconds)
        {
            return ClerkErrors.FormParamValueInvalid(
                "expires_in_seconds",
                $"expires_in_seconds must be between {MinLifetimeSeconds} and {MaxLifetimeSeconds}.");
        }

        lifetimeSeconds = (int)seconds;
        return null;
    }
}
