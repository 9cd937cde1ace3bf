using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Verity.DevStack.Api;

/// <summary>
/// The opt-in test-control surface under <c>/__verity</c>: read and clear the recorded requests, add and clear
/// faults. Not authenticated and not recorded; never map it in anything but a local test stack.
/// </summary>
internal static class SampleApiControlEndpoints
{
    public const string Prefix = "/__verity";

    public static void Map(IEndpointRouteBuilder routes, SampleApi api)
    {
        routes.MapGet(Prefix + "/requests", context =>
            Responses.JsonAsync(context, api.Requests.Requests.ToList(), SampleApiJsonContext.Default.ListRecordedRequest));
        routes.MapDelete(Prefix + "/requests", context =>
        {
            api.Requests.Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        routes.MapPost(Prefix + "/faults", context => AddFaultAsync(context, api));
        routes.MapDelete(Prefix + "/faults", context =>
        {
            api.Faults.Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
    }

    private static async Task AddFaultAsync(HttpContext context, SampleApi api)
    {
        ApiFaultRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync(SampleApiJsonContext.Default.ApiFaultRequest, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null || (request.Status is null && request.DelayMs is null) || request.Count is < 1)
        {
            await Responses.ErrorAsync(context, 400, "invalid_fault", "Post {\"method\",\"path\",\"count\",\"status\",\"delayMs\",\"retryAfterSeconds\"} with a status, a delay or both.").ConfigureAwait(false);
            return;
        }

        api.Faults.Add(new ApiFault(
            request.Method,
            request.Path,
            request.Count ?? 1,
            request.Status,
            request.DelayMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            request.RetryAfterSeconds));
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
