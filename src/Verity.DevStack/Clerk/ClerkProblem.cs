namespace Verity.DevStack.Clerk;

/// <summary>An error the emulator answers with: an HTTP status and one Clerk error entry.</summary>
internal sealed record ClerkProblem(int StatusCode, string Code, string Message, string LongMessage, string? ParamName = null)
{
    /// <summary>Seconds for a <c>Retry-After</c> header, for 429s.</summary>
    public int? RetryAfterSeconds { get; init; }
}
