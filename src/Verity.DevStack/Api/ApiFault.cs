namespace Verity.DevStack.Api;

/// <summary>
/// A failure to serve to the next <see cref="Count"/> requests that match <see cref="Method"/> and <see cref="Path"/>:
/// a delay (then the normal answer, or <see cref="StatusCode"/> when set too) or an error status.
/// </summary>
/// <param name="Method">HTTP method to match, or null for any.</param>
/// <param name="Path">Exact path to match (case-insensitive), a prefix ending in <c>*</c>, or null for any.</param>
/// <param name="Count">How many matching requests get the fault.</param>
/// <param name="StatusCode">The status to answer with, or null to answer normally after <see cref="Delay"/>.</param>
/// <param name="Delay">How long to hold the request first, on the API's clock.</param>
/// <param name="RetryAfterSeconds">A <c>Retry-After</c> header to send with the status.</param>
public sealed record ApiFault(string? Method, string? Path, int Count = 1, int? StatusCode = null, TimeSpan? Delay = null, int? RetryAfterSeconds = null)
{
    public static ApiFault Status(string? method, string? path, int statusCode, int count = 1, int? retryAfterSeconds = null) =>
        new(method, path, count, statusCode, null, retryAfterSeconds);

    public static ApiFault Delayed(string? method, string? path, TimeSpan delay, int count = 1) => new(method, path, count, null, delay);

    internal bool Matches(string method, string path)
    {
        if (Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Path is null)
        {
            return true;
        }

        return Path.EndsWith('*')
            ? path.StartsWith(Path[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(Path, path, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>The JSON shape of a fault posted to the test-control surface.</summary>
internal sealed record ApiFaultRequest(string? Method, string? Path, int? Count, int? Status, int? DelayMs, int? RetryAfterSeconds);
