using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Verity.DevStack.Api;

/// <summary>Test calls, the call list, one call, its transcript and hang-up.</summary>
internal static class CallEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SampleApiStore store)
    {
        routes.MapPost("/api/calls/agents/{agentId}/test", context => StartTestCallAsync(context, store));
        routes.MapGet("/api/calls", context => ListAsync(context, store));
        routes.MapGet("/api/calls/{callId}", context =>
            Responses.JsonAsync(context, store.ReadCall(Responses.Route(context, "callId")), SampleApiJsonContext.Default.Call));
        routes.MapGet("/api/calls/{callId}/transcript", context =>
            Responses.JsonAsync(context, store.ReadTranscript(Responses.Route(context, "callId")), SampleApiJsonContext.Default.Transcript));
        routes.MapPost("/api/calls/{callId}/hangup", context =>
            Responses.JsonAsync(context, store.HangUp(Responses.Route(context, "callId")), SampleApiJsonContext.Default.Call));
    }

    private static async Task StartTestCallAsync(HttpContext context, SampleApiStore store)
    {
        var agentId = Responses.Route(context, "agentId");
        if (store.FindAgent(agentId) is null)
        {
            throw SampleApiException.NotFound("agent", agentId);
        }

        using var body = await JsonBody.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var phoneNumber = body.String("phoneNumber", required: true, pattern: JsonBody.E164());
        var contactName = body.String("contactName", required: false, maxLength: 100);
        var callContext = body.String("context", required: false, maxLength: 2000);
        body.RejectUnknownProperties();
        body.ThrowIfInvalid();

        var call = store.StartTestCall(agentId, phoneNumber!, contactName, callContext);
        context.Response.Headers.Location = $"/api/calls/{call.Id}";
        await Responses.JsonAsync(context, call, SampleApiJsonContext.Default.Call, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static Task ListAsync(HttpContext context, SampleApiStore store)
    {
        var query = new HttpRequestQuery(context.Request.Query);
        var errors = new List<ApiFieldError>();
        var status = query.Single("status");
        if (status is not null && !CallStatuses.All.Contains(status))
        {
            errors.Add(new("status", "must be one of " + string.Join(", ", CallStatuses.All) + "."));
        }

        var agentId = query.Text("agentId", 0, 64, errors);
        var from = query.Instant("from", errors);
        var to = query.Instant("to", errors);
        var limit = Paging.Limit(query, errors);
        var offset = Paging.Offset(query, errors);
        if (errors.Count > 0)
        {
            throw SampleApiException.Invalid(errors);
        }

        var calls = store.Calls()
            .Where(c => status is null || c.Status == status)
            .Where(c => agentId is null || c.AgentId == agentId)
            .Where(c => from is null || c.CreatedAt >= from)
            .Where(c => to is null || c.CreatedAt < to)
            .ToList();
        var (page, next) = Paging.Slice(calls, limit, offset);
        return Responses.JsonAsync(context, new CallPage(page, next), SampleApiJsonContext.Default.CallPage);
    }
}
