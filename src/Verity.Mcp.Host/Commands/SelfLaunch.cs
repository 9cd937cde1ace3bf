namespace Verity.Mcp.Host.Commands;

/// <summary>
/// How to start this same program again as a child process: the native binary (apphost or Native AOT) directly,
/// or <c>dotnet verity-mcp.dll</c> when this process runs under the dotnet muxer.
/// </summary>
internal static class SelfLaunch
{
    public static (string Command, IReadOnlyList<string> PrefixArguments) Resolve()
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
        var name = Path.GetFileNameWithoutExtension(processPath);
        if (string.Equals(name, "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return (processPath, [Path.Combine(AppContext.BaseDirectory, "verity-mcp.dll")]);
        }

        return (processPath, []);
    }
}
