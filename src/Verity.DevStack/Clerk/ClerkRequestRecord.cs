namespace Verity.DevStack.Clerk;

/// <summary>One request the emulator answered, for test assertions. It never holds the key or a token.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path (with any mapping prefix), e.g. <c>/v1/sessions/sess_…/tokens</c>.</param>
/// <param name="Query">The raw query string (may be empty).</param>
/// <param name="StatusCode">The status the emulator answered with.</param>
/// <param name="ApiVersion">The <c>Clerk-API-Version</c> the client asked for (header or query), or null.</param>
/// <param name="At">When the request arrived, on the emulator's clock.</param>
public sealed record ClerkRequestRecord(string Method, string Path, string Query, int StatusCode, string? ApiVersion, DateTimeOffset At);
