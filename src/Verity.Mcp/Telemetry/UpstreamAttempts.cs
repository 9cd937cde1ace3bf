namespace Verity.Mcp.Telemetry;

/// <summary>
/// How many times one API request has been handed to the transport: the retry strategy and the auth handler's 401
/// resend both go through the attempt handler, which numbers each attempt's span with it.
/// </summary>
internal sealed class UpstreamAttempts
{
    private int _count;

    /// <summary>Counts an attempt and returns how many came before it (the conventions' resend count).</summary>
    public int Next() => Interlocked.Increment(ref _count) - 1;
}
