namespace Verity.DevStack.Clerk;

/// <summary>
/// A failure to inject into the next matching responses: a delay (then the normal answer, or <see cref="StatusCode"/>
/// if set too), or an error status with a Clerk error body.
/// </summary>
/// <param name="StatusCode">The status to answer with; null answers normally (after <see cref="Delay"/>).</param>
/// <param name="Delay">How long to hold the request first, measured on the emulator's <see cref="TimeProvider"/>.</param>
/// <param name="RetryAfterSeconds">A <c>Retry-After</c> header to send with the status (429s get 1 by default).</param>
public sealed record ClerkFault(int? StatusCode = null, TimeSpan? Delay = null, int? RetryAfterSeconds = null)
{
    /// <summary>Answer with <paramref name="statusCode"/> and a Clerk error body.</summary>
    public static ClerkFault Status(int statusCode, int? retryAfterSeconds = null) => new(statusCode, null, retryAfterSeconds);

    /// <summary>Hold the request for <paramref name="delay"/>, then answer normally.</summary>
    public static ClerkFault Delayed(TimeSpan delay) => new(null, delay);
}
