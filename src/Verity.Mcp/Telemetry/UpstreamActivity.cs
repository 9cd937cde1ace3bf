using System.Diagnostics;
using System.Globalization;
using Verity.Mcp.Http;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Telemetry;

/// <summary>
/// The span (kind client, <c>{method} {url.template}</c>) and metrics of one attempt at an upstream request. It names
/// the endpoint by its catalog template, never by the filled URL: path segments and the query carry argument values.
/// While it is current, the transport sends its context as <c>traceparent</c>.
/// </summary>
internal readonly struct UpstreamActivity
{
    private readonly Activity? _activity;
    private readonly McpMetrics? _metrics;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly string _method;
    private readonly string _template;

    private UpstreamActivity(Activity? activity, McpMetrics? metrics, TimeProvider time, string method, string template)
    {
        _activity = activity;
        _metrics = metrics;
        _time = time;
        _method = method;
        _template = template;
        _started = time.GetTimestamp();
    }

    public static UpstreamActivity Start(HttpRequestMessage request, McpMetrics? metrics, TimeProvider time)
    {
        var template = request.Options.TryGetValue(ApiRequestOptions.Endpoint, out EndpointDescriptor? endpoint) && endpoint is not null
            ? endpoint.PathTemplate
            : "/";
        var method = request.Method.Method;
        var resends = request.Options.TryGetValue(ApiRequestOptions.Attempts, out UpstreamAttempts? attempts) && attempts is not null
            ? attempts.Next()
            : 0;

        var activity = McpTelemetry.ActivitySource.StartActivity(method + " " + template, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TelemetryAttributes.HttpRequestMethod, method);
            activity.SetTag(TelemetryAttributes.UrlTemplate, template);
            if (request.RequestUri is { IsAbsoluteUri: true } uri)
            {
                activity.SetTag(TelemetryAttributes.ServerAddress, uri.Host);
                activity.SetTag(TelemetryAttributes.ServerPort, uri.Port);
            }

            if (resends > 0)
            {
                activity.SetTag(TelemetryAttributes.HttpRequestResendCount, resends);
            }
        }

        return new UpstreamActivity(activity, metrics, time, method, template);
    }

    public void Answered(int statusCode)
    {
        var errorType = statusCode >= 400 ? statusCode.ToString(CultureInfo.InvariantCulture) : null;
        Stop(statusCode, errorType);
    }

    /// <summary>No answer came: <c>timeout</c> for the attempt's limit, else the exception's type.</summary>
    public void Failed(Exception exception) =>
        Stop(null, exception switch
        {
            ApiTimeoutException => ToolCallOutcome.Timeout,
            OperationCanceledException => ToolCallOutcome.Cancelled,
            _ => exception.GetType().FullName ?? exception.GetType().Name,
        });

    private void Stop(int? statusCode, string? errorType)
    {
        _metrics?.RecordUpstream(_method, _template, statusCode, errorType, _time.GetElapsedTime(_started));
        if (_activity is null)
        {
            return;
        }

        if (statusCode is { } status)
        {
            _activity.SetTag(TelemetryAttributes.HttpResponseStatusCode, status);
        }

        if (errorType is not null)
        {
            _activity.SetTag(TelemetryAttributes.ErrorType, errorType);
            _activity.SetStatus(ActivityStatusCode.Error);
        }

        _activity.Dispose();
    }
}
