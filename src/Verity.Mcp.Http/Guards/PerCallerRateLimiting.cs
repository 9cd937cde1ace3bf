using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Verity.Mcp.HttpServer.OAuth;

namespace Verity.Mcp.HttpServer.Guards;

/// <summary>
/// A fixed one-minute window of <c>VERITY_HTTP_RATE_LIMIT_PER_MINUTE</c> MCP requests per caller: the token's user
/// (<c>sub</c>), or the client's IP address in the local mode. Over the limit: 429 with <c>Retry-After</c> (seconds
/// until the window opens again). Each replica counts on its own.
/// </summary>
internal static class PerCallerRateLimiting
{
    public static IServiceCollection AddPerCallerRateLimiting(this IServiceCollection services, int perMinute)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.OnRejected = static (rejected, _) =>
            {
                var response = rejected.HttpContext.Response;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return new ValueTask(ErrorBody.WriteAsync(
                    response,
                    "rate_limited",
                    "Too many requests from this user: wait the seconds in Retry-After (VERITY_HTTP_RATE_LIMIT_PER_MINUTE)."));
            };
        });
        return services;
    }

    private static string PartitionKey(HttpContext context) =>
        context.Features.Get<AccessToken>() is { } token
            ? "sub:" + token.Subject
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
