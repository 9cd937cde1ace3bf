using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Verity.DevStack.Api;

/// <summary><c>GET /api/agents</c> and <c>GET /api/agents/{agentId}</c>.</summary>
internal static class AgentEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SampleApiStore store)
    {
        routes.MapGet("/api/agents", context => ListAsync(context, store));
        routes.MapGet("/api/agents/{agentId}", context => GetAsync(context, store));
    }

    private static Task ListAsync(HttpContext context, SampleApiStore store)
    {
        var query = new HttpRequestQuery(context.Request.Query);
        var errors = new List<ApiFieldError>();
        var search = query.Text("search", 1, 200, errors);
        var limit = Paging.Limit(query, errors);
        var offset = Paging.Offset(query, errors);
        if (errors.Count > 0)
        {
            throw SampleApiException.Invalid(errors);
        }

        var agents = store.Agents()
            .Where(a => search is null || a.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var (page, next) = Paging.Slice(agents, limit, offset);
        return Responses.JsonAsync(context, new AgentPage(page, next), SampleApiJsonContext.Default.AgentPage);
    }

    private static Task GetAsync(HttpContext context, SampleApiStore store)
    {
        var id = Responses.Route(context, "agentId");
        var agent = store.FindAgent(id) ?? throw SampleApiException.NotFound("agent", id);
        return Responses.JsonAsync(context, agent, SampleApiJsonContext.Default.Agent);
    }
}
