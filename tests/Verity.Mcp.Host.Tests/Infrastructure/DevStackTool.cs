namespace Verity.Mcp.Host.Tests.Infrastructure;

/// <summary>
/// verity-devstack, the developer's executable (<c>run</c>, <c>demo</c>), started as <c>dotnet verity-devstack.dll</c>
/// from this output folder, as <see cref="HostProcess"/> starts verity-mcp.
/// </summary>
public static class DevStackTool
{
    public static HostVariant Launch { get; } =
        new("verity-devstack", "dotnet", [Path.Combine(AppContext.BaseDirectory, "verity-devstack.dll")]);

    /// <summary>
    /// The demo's arguments for a verity-mcp variant: the JIT build is the one verity-devstack finds beside itself
    /// (what a fresh clone runs); another variant is named with <c>--server</c>.
    /// </summary>
    public static IReadOnlyList<string> DemoArguments(HostVariant server) =>
        server == HostVariant.Jit ? ["demo"] : ["demo", "--server", server.FileName];

    /// <summary>Reads <c>KEY=VALUE</c> lines up to <c>ready</c>, what <c>verity-devstack run</c> prints first.</summary>
    public static async Task<(IReadOnlyList<string> Lines, Dictionary<string, string> Settings)> ReadUntilReadyAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var lines = new List<string>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
            if (line == "ready")
            {
                break;
            }
        }

        var settings = lines.Where(line => line.Contains('=', StringComparison.Ordinal))
            .ToDictionary(line => line.Split('=', 2)[0], line => line.Split('=', 2)[1], StringComparer.Ordinal);
        return (lines, settings);
    }
}
