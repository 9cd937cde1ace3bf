namespace Verity.Mcp.Http;

/// <summary>The API did not answer within the endpoint's time limit.</summary>
public sealed class ApiTimeoutException(TimeSpan limit, Exception? innerException = null)
    : TimeoutException($"The API did not answer within {limit.TotalSeconds:0.#} s.", innerException)
{
    public TimeSpan Limit { get; } = limit;
}
