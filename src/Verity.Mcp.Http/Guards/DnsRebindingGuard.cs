using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Verity.Mcp.HttpServer.Guards;

/// <summary>
/// Refuses, with 403 and before anything else reads the request, a <c>Host</c> this server does not answer to or an
/// <c>Origin</c> it does not trust (the MCP transport specification's DNS-rebinding defence).
/// </summary>
internal sealed partial class DnsRebindingGuard(HostAllowList hosts, OriginAllowList origins, ILogger<DnsRebindingGuard> logger)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!hosts.Allows(context.Request.Host))
        {
            LogHostRefused(logger, context.Request.Host.Value ?? "(none)");
            await RefuseAsync(context, "host_not_allowed", "This server does not answer to that Host name (VERITY_HTTP_ALLOWED_HOSTS).").ConfigureAwait(false);
            return;
        }

        if (context.Request.Headers.Origin is { Count: > 0 } origin && !origins.Allows(origin.ToString()))
        {
            LogOriginRefused(logger, origin.ToString());
            await RefuseAsync(context, "origin_not_allowed", "Requests from that Origin are not allowed (VERITY_HTTP_ALLOWED_ORIGINS).").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static Task RefuseAsync(HttpContext context, string error, string description)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return ErrorBody.WriteAsync(context.Response, error, description);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request for Host {Host}: not an allowed host.")]
    private static partial void LogHostRefused(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request from Origin {Origin}: not an allowed origin.")]
    private static partial void LogOriginRefused(ILogger logger, string origin);
}
