namespace Verity.DevStack.Clerk;

/// <summary>The Backend API versions the emulator accepts in <c>Clerk-API-Version</c> / <c>__clerk_api_version</c>.</summary>
public static class ClerkApiVersions
{
    /// <summary>The version this project targets.</summary>
    public const string Latest = "2026-05-12";

    public const string HeaderName = "Clerk-API-Version";

    public const string QueryName = "__clerk_api_version";

    /// <summary>Every version the emulator knows, oldest first.</summary>
    public static IReadOnlyList<string> Known { get; } = ["2021-02-05", "2024-10-01", "2025-04-10", "2025-11-10", Latest];
}
