using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Http;

/// <summary>
/// The resilience pipeline around every API request: retries (idempotent requests only). Inside it sit the auth
/// handler (its own 401 refresh-and-resend happens within one retry attempt) and, innermost, the per-attempt
/// time limit (<see cref="ApiAttemptHandler"/>), which starts only once the request has its token.
/// </summary>
internal static class ApiResiliencePipeline
{
    public const string HandlerName = "verity-retry";

    /// <summary>At most this many resends after the first attempt.</summary>
    public const int MaxRetryAttempts = 2;

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, IServiceProvider services, string optionsName)
    {
        var options = services.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get(optionsName);
        var timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Verity.Mcp.Http.Retry");
        var maxRetryAfter = options.MaxRetryAfter;

        pipeline.TimeProvider = timeProvider;

        pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, timeProvider, maxRetryAfter)),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, timeProvider)),
            OnRetry = args =>
            {
                var request = args.Context.GetRequestMessage();
                ApiClientLog.Retrying(
                    logger,
                    request?.Method.Method ?? "?",
                    EndpointOf(request)?.PathTemplate ?? "?",
                    args.Outcome.Result is { } response ? (int)response.StatusCode : 0,
                    args.Outcome.Exception is ApiTimeoutException ? "timeout" : args.Outcome.Exception?.GetType().Name ?? "status",
                    args.AttemptNumber + 1,
                    args.RetryDelay.TotalMilliseconds);
                return default;
            },
        });
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeProvider timeProvider, TimeSpan maxRetryAfter)
    {
        if (!IdempotencyRules.MayResend(context.GetRequestMessage()))
        {
            return false;
        }

        if (outcome.Exception is not null)
        {
            // Only a timed-out attempt: other failures (a Clerk error, a broken connection) are reported as they are.
            return outcome.Exception is ApiTimeoutException;
        }

        var response = outcome.Result;
        if (response is null || !IsTransient(response.StatusCode))
        {
            return false;
        }

        // A server that asks for a long pause gets its answer passed on rather than a stalled tool call.
        var retryAfter = RetryAfter(response, timeProvider);
        return retryAfter is null || retryAfter <= maxRetryAfter;
    }

    internal static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The server's <c>Retry-After</c> (seconds or an HTTP date) as a delay, or null to use the backoff.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static EndpointDescriptor? EndpointOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(ApiRequestOptions.Endpoint, out EndpointDescriptor? endpoint) ? endpoint : null;
}
