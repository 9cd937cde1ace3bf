namespace Verity.Mcp.Http;

/// <summary>
/// The API did not answer within the endpoint's time limit: no headers within an attempt's limit, or (with
/// <see cref="StatusCode"/> set) no whole body within the body's limit after the headers came.
/// </summary>
public sealed class ApiTimeoutException(TimeSpan limit, Exception? innerException = null)
    : TimeoutException($"The API did not answer within {limit.TotalSeconds:0.#} s.", innerException)
{
    public TimeSpan Limit { get; } = limit;

    /// <summary>The status the API had already answered with when its body stalled, or null when no headers came.</summary>
    public int? StatusCode { get; init; }
}
