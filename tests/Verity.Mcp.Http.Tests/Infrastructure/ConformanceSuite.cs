using System.Runtime.CompilerServices;
using Verity.Tests.Common;

namespace Verity.Mcp.HttpServer.Tests.Infrastructure;

/// <summary>
/// The official MCP conformance suite (<c>@modelcontextprotocol/conformance</c>) on Node 22, both from the npm project
/// in <c>Conformance/</c>. Its packages are installed with <c>npm ci</c> on first use when they are missing or not the
/// pinned versions (CI installs them first), so the README's test command stays the only step; that needs <c>npm</c>.
/// </summary>
internal static class ConformanceSuite
{
    private static readonly NpmProject Project = new(
        FindProjectDirectory(),
        reason => $"The conformance tests need npm on PATH (it installs Node 22 itself): {reason}. Or run `npm ci --prefix {FindProjectDirectory()}` once.")
    {
        ExtraEnvironment = new Dictionary<string, string> { ["NO_COLOR"] = "1" },
    };

    private static string Cli => Path.Combine(Project.ModulesDirectory, "@modelcontextprotocol", "conformance", "dist", "index.js");

    /// <summary>Runs one server scenario against <paramref name="mcpUrl"/>; results go to a scratch folder, not the repository.</summary>
    public static async Task<(int ExitCode, string Output)> RunServerScenarioAsync(Uri mcpUrl, string scenario)
    {
        await Project.EnsureInstalledAsync();
        var scratch = Directory.CreateTempSubdirectory("verity-conformance-");
        try
        {
            var run = await Project.RunAsync(
                Project.NodeExecutable, [Cli, "server", "--url", mcpUrl.AbsoluteUri, "--scenario", scenario], TimeSpan.FromMinutes(2), scratch.FullName);
            return (run.ExitCode, $"{run.Stdout}\n{run.Stderr}");
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static string FindProjectDirectory([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "Conformance"));
}
