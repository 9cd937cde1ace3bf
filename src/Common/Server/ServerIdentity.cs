using System.Reflection;

namespace Verity.Common.Server;

/// <summary>The name and version the server reports in <c>initialize</c> and <c>--version</c>.</summary>
internal static class ServerIdentity
{
    public const string Name = "verity";

    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(ServerIdentity).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return typeof(ServerIdentity).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        // Drop the "+commit" build metadata the SDK appends: the version is for people.
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
