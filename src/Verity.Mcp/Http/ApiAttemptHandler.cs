using Verity.Mcp.Telemetry;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Http;

/// <summary>
/// The innermost handler of the API client: one attempt's time limit. It sits below the auth handler, so the
/// clock starts only once the request carries its credentials and is handed to the transport; waiting for a
/// token is never counted against the API, and a slow token never leaves a POST with little of its time left.
/// An attempt that runs out of time throws <see cref="ApiTimeoutException"/>, which the retry strategy resends
/// for idempotent requests only.
/// </summary>
internal sealed class ApiAttemptHandler(TimeSpan defaultTimeout, TimeProvider timeProvider, McpMetrics? metrics = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var limit = request.Options.TryGetValue(ApiRequestOptions.Endpoint, out EndpointDescriptor? endpoint) && endpoint?.Timeout is { } own
            ? own
            : defaultTimeout;

        using var attemptTimeout = new CancellationTokenSource(limit, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        var attempt = UpstreamActivity.Start(request, metrics, timeProvider);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (attemptTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var timedOut = new ApiTimeoutException(limit, exception);
            attempt.Failed(timedOut);
            throw timedOut;
        }
        catch (Exception exception)
        {
            attempt.Failed(exception);
            throw;
        }

        attempt.Answered((int)response.StatusCode);
        return response;
    }
}
