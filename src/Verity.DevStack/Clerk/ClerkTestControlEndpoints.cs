using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk;

/// <summary>
/// The HTTP mirror of <see cref="ClerkInstance"/>'s in-process control, for tests in another process. Mapped only
/// when <see cref="ClerkEmulatorOptions.EnableTestControl"/> is on; it needs no key.
/// </summary>
internal sealed class ClerkTestControlEndpoints(ClerkInstance instance)
{
    /// <summary><c>POST /__emulator/faults</c> <c>{"count","status"?,"delay_ms"?,"retry_after_seconds"?,"path"?}</c> → 204.</summary>
    public async Task InjectFaultsAsync(HttpContext context)
    {
        ClerkFaultRequestJson? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, ClerkJsonContext.Default.ClerkFaultRequestJson, context.RequestAborted);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null || request.Count <= 0 || (request.Status is null && request.DelayMs is null)
            || request.Status is < 400 or > 599 || request.DelayMs < 0)
        {
            await ClerkHttpResponses.WriteProblemAsync(
                context,
                ClerkErrors.RequestBodyInvalid("Expected {\"count\": N > 0, \"status\": 400-599 and/or \"delay_ms\": N >= 0, \"retry_after_seconds\"?: N, \"path\"?: \"substring\"}."));
            return;
        }

        var delay = request.DelayMs is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
        instance.InjectFaults(request.Count, new ClerkFault(request.Status, delay, request.RetryAfterSeconds), request.Path);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary><c>DELETE /__emulator/faults</c> → 204.</summary>
    public Task ClearFaultsAsync(HttpContext context)
    {
        instance.ClearFaults();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary><c>POST /__emulator/sessions/{session_id}/revoke</c> → the session.</summary>
    public Task RevokeSessionAsync(HttpContext context) => ChangeSessionAsync(context, ClerkSessionStatus.Revoked);

    /// <summary><c>POST /__emulator/sessions/{session_id}/end</c> → the session.</summary>
    public Task EndSessionAsync(HttpContext context) => ChangeSessionAsync(context, ClerkSessionStatus.Ended);

    /// <summary><c>POST /__emulator/users/{user_id}/sessions</c> → a new active session (also on production instances).</summary>
    public async Task CreateSessionAsync(HttpContext context)
    {
        var userId = context.Request.RouteValues["user_id"] as string ?? string.Empty;
        if (instance.FindUser(userId) is null)
        {
            await ClerkHttpResponses.WriteProblemAsync(context, ClerkErrors.ResourceNotFound());
            return;
        }

        var session = instance.CreateSession(userId);
        await ClerkHttpResponses.WriteJsonAsync(context, ClerkWireMapper.ToJson(session, instance.TimeProvider.GetUtcNow()), ClerkJsonContext.Default.ClerkSessionJson);
    }

    /// <summary><c>POST /__emulator/keys/rotate</c> → <c>{"kid"}</c> of the new key.</summary>
    public Task RotateKeyAsync(HttpContext context) =>
        ClerkHttpResponses.WriteJsonAsync(context, new ClerkSigningKeyJson(instance.RotateSigningKey()), ClerkJsonContext.Default.ClerkSigningKeyJson);

    /// <summary><c>POST /__emulator/rate-limit/reset</c> → 204.</summary>
    public Task ResetRateLimitAsync(HttpContext context)
    {
        instance.ResetRateLimit();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary><c>GET /__emulator/state</c> → counters.</summary>
    public Task GetStateAsync(HttpContext context) =>
        ClerkHttpResponses.WriteJsonAsync(
            context,
            new ClerkCountersJson(
                instance.RequestsReceived,
                instance.TokensIssued,
                instance.SessionsCreated,
                instance.RateLimited,
                instance.FaultsServed,
                instance.PendingFaults,
                instance.CurrentKeyId),
            ClerkJsonContext.Default.ClerkCountersJson);

    private async Task ChangeSessionAsync(HttpContext context, string status)
    {
        var sessionId = context.Request.RouteValues["session_id"] as string ?? string.Empty;
        if (instance.FindSession(sessionId) is null)
        {
            await ClerkHttpResponses.WriteProblemAsync(context, ClerkErrors.ResourceNotFound());
            return;
        }

        var session = instance.SetSessionStatus(sessionId, status);
        await ClerkHttpResponses.WriteJsonAsync(context, ClerkWireMapper.ToJson(session, instance.TimeProvider.GetUtcNow()), ClerkJsonContext.Default.ClerkSessionJson);
    }
}
