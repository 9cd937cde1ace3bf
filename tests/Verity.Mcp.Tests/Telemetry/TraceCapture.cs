using System.Collections.Concurrent;
using System.Diagnostics;
using Verity.Mcp.Telemetry;

namespace Verity.Mcp.Tests.Telemetry;

/// <summary>
/// Listens to the runtime's source and keeps the spans of one trace: the capture starts a root span of its own, so
/// spans of tests running at the same time (other traces) are left out.
/// </summary>
internal sealed class TraceCapture : IDisposable
{
    /// <summary>.NET's own HTTP client span, below the runtime's; listened to here only to follow the parentage.</summary>
    private const string TransportSourceName = "System.Net.Http";

    private static readonly ActivitySource TestSource = new("Verity.Mcp.Tests.Telemetry");

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly Activity _root;

    public TraceCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is McpTelemetry.Name or TransportSourceName or "Verity.Mcp.Tests.Telemetry",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name is McpTelemetry.Name or TransportSourceName)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        _root = TestSource.StartActivity("test")!;
    }

    public Activity Root => _root;

    /// <summary>The runtime's spans of this trace, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans => _stopped.Where(activity => activity.TraceId == _root.TraceId && activity.Source.Name == McpTelemetry.Name).ToList();

    /// <summary>The transport's spans of this trace (the runtime's registration does not export them).</summary>
    public IReadOnlyList<Activity> TransportSpans =>
        _stopped.Where(activity => activity.TraceId == _root.TraceId && activity.Source.Name == TransportSourceName).ToList();

    public void Dispose()
    {
        _root.Dispose();
        _listener.Dispose();
    }
}
