using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk;

/// <summary><c>GET /v1/sessions</c> and <c>POST /v1/sessions</c>.</summary>
internal sealed class ClerkSessionEndpoints(ClerkInstance instance)
{
    /// <summary>Sessions filtered by user, client and status, newest first; <c>paginated=true</c> wraps them in <c>{data,total_count}</c>.</summary>
    public async Task ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var userId = query["user_id"].ToString();
        var clientId = query["client_id"].ToString();
        var status = query["status"].ToString();
        var limitProblem = ClerkQueryParameters.TryReadInt(query, "limit", ClerkQueryParameters.DefaultLimit, 1, ClerkQueryParameters.MaxLimit, out var limit);
        var offsetProblem = ClerkQueryParameters.TryReadInt(query, "offset", 0, 0, int.MaxValue, out var offset);
        var paginatedProblem = ClerkQueryParameters.TryReadBool(query, "paginated", out var paginated);
        var problem = limitProblem ?? offsetProblem ?? paginatedProblem;
        if (problem is null && userId.Length == 0 && clientId.Length == 0)
        {
            problem = ClerkErrors.FormParamMissing("user_id") with { LongMessage = "Either user_id or client_id must be included." };
        }

        if (problem is null && status.Length > 0 && !ClerkSessionStatus.All.Contains(status))
        {
            problem = ClerkErrors.FormParamValueInvalid("status", $"status must be one of: {string.Join(", ", ClerkSessionStatus.All)}.");
        }

        if (problem is not null)
        {
            await ClerkHttpResponses.WriteProblemAsync(context, problem);
            return;
        }

        var now = instance.TimeProvider.GetUtcNow();
        var matching = instance.Sessions
            .Where(s => userId.Length == 0 || s.UserId == userId)
            .Where(s => clientId.Length == 0 || s.ClientId == clientId)
            .Where(s => status.Length == 0 || s.StatusAt(now) == status)
            .OrderByDescending(s => s.CreatedAt)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var page = matching.Skip(offset).Take(limit).Select(s => ClerkWireMapper.ToJson(s, now)).ToList();
        if (paginated)
        {
            await ClerkHttpResponses.WriteJsonAsync(context, new ClerkSessionPageJson(page, matching.Count), ClerkJsonContext.Default.ClerkSessionPageJson);
        }
        else
        {
            await ClerkHttpResponses.WriteJsonAsync(context, page, ClerkJsonContext.Default.ListClerkSessionJson);
        }
    }

    /// <summary>Creates an active session for <c>{"user_id"}</c>; development instances only, as on Clerk.</summary>
    public async Task CreateAsync(HttpContext context)
    {
        var body = await ClerkRequestBody.ReadObjectAsync(context);
        var problem = body.Problem;
        string? userId = null;
        if (problem is null && instance.InstanceType == ClerkInstanceType.Production)
        {
            problem = ClerkErrors.SessionCreationNotAllowed();
        }

        if (problem is null)
        {
            if (body.Object is not { } json || !json.TryGetProperty("user_id", out var userIdElement) || userIdElement.ValueKind == JsonValueKind.Null)
            {
                problem = ClerkErrors.FormParamMissing("user_id");
            }
            else if (userIdElement.ValueKind != JsonValueKind.String)
            {
                problem = ClerkErrors.RequestBodyInvalid("user_id must be a string.");
            }
            else
            {
                userId = userIdElement.GetString();
            }
        }

        if (problem is null && (userId is null || instance.FindUser(userId) is null))
        {
            problem = ClerkErrors.ResourceNotFound();
        }

        if (problem is not null)
        {
            await ClerkHttpResponses.WriteProblemAsync(context, problem);
            return;
        }

        var session = instance.CreateSession(userId!);
        await ClerkHttpResponses.WriteJsonAsync(context, ClerkWireMapper.ToJson(session, instance.TimeProvider.GetUtcNow()), ClerkJsonContext.Default.ClerkSessionJson);
    }
}
