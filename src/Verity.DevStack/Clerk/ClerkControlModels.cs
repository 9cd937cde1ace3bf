namespace Verity.DevStack.Clerk;

// The JSON shapes of the emulator's own test-control surface (/__emulator/...), snake_case like Clerk's.

internal sealed record ClerkFaultRequestJson(int Count, int? Status, int? DelayMs, int? RetryAfterSeconds, string? Path);

internal sealed record ClerkSigningKeyJson(string Kid);

internal sealed record ClerkCountersJson(
    long RequestsReceived,
    long TokensIssued,
    long SessionsCreated,
    long RateLimited,
    long FaultsServed,
    int PendingFaults,
    string CurrentKid);
