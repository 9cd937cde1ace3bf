namespace Verity.DevStack.Cli;

/// <summary>
/// How the demo starts verity-mcp: the path given with <c>--server</c> (a native binary, e.g. the Native AOT one,
/// or a <c>.dll</c> run by the dotnet muxer), else the build copied to <c>server/</c> beside this program.
/// </summary>
internal sealed record ServerLaunch(string Command, IReadOnlyList<string> PrefixArguments)
{
    private const string ServerFolder = "server";
    private const string ServerAssembly = "verity-mcp.dll";

    public static ServerLaunch Resolve(string? serverPath)
    {
        var path = Path.GetFullPath(serverPath ?? Path.Combine(AppContext.BaseDirectory, ServerFolder, ServerAssembly));
        if (!File.Exists(path))
        {
            throw new UsageException(serverPath is null
                ? $"verity-mcp was not found at {path}; build this project again (it copies the server there) or name one with --server PATH."
                : $"--server names {path}, which does not exist.");
        }

        return path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ServerLaunch(DotnetMuxer(), [path])
            : new ServerLaunch(path, []);
    }

    /// <summary>What the user sees: the command without folders, e.g. <c>dotnet verity-mcp.dll serve</c>.</summary>
    public string Display(string verb) =>
        string.Join(' ', new[] { Command }.Concat(PrefixArguments).Select(Path.GetFileName).Append(verb));

    /// <summary>
    /// The dotnet muxer of the runtime running this program (whether it was started as <c>dotnet x.dll</c> or
    /// through its apphost by <c>dotnet run</c>), so the server runs on the same installation; else the one on PATH.
    /// </summary>
    private static string DotnetMuxer()
    {
        // The runtime lives in <dotnet root>/shared/Microsoft.NETCore.App/<version>/.
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var muxer = runtimeFolder is null
            ? null
            : Path.GetFullPath(Path.Combine(runtimeFolder, "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        return muxer is not null && File.Exists(muxer) ? muxer : "dotnet";
    }
}
