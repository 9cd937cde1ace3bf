using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Verity.Mcp.HttpServer.Tests.Infrastructure;

/// <summary>
/// The official MCP conformance suite (<c>@modelcontextprotocol/conformance</c>) on Node 22, both from the npm project
/// in <c>Conformance/</c>. Its packages are installed with <c>npm ci</c> on first use when they are missing or not the
/// pinned versions (CI installs them first), so the README's test command stays the only step; that needs <c>npm</c>.
/// </summary>
internal static class ConformanceSuite
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static bool _installed;

    public static string ProjectDirectory { get; } = FindProjectDirectory();

    private static string NodeExecutable => Path.Combine(ProjectDirectory, "node_modules", "node", "bin", "node");

    private static string Cli => Path.Combine(ProjectDirectory, "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js");

    /// <summary>Runs one server scenario against <paramref name="mcpUrl"/>; results go to a scratch folder, not the repository.</summary>
    public static async Task<(int ExitCode, string Output)> RunServerScenarioAsync(Uri mcpUrl, string scenario)
    {
        await EnsureInstalledAsync();
        var scratch = Directory.CreateTempSubdirectory("verity-conformance-");
        try
        {
            return await RunAsync(NodeExecutable, [Cli, "server", "--url", mcpUrl.AbsoluteUri, "--scenario", scenario], scratch.FullName, TimeSpan.FromMinutes(2));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (_installed || IsInstalled())
            {
                _installed = true;
                return;
            }

            (int ExitCode, string Output) run;
            try
            {
                run = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], ProjectDirectory, TimeSpan.FromMinutes(5));
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                throw new InvalidOperationException(
                    $"The conformance tests need npm on PATH (it installs Node 22 itself): {exception.Message}. Or run `npm ci --prefix {ProjectDirectory}` once.", exception);
            }

            if (run.ExitCode != 0 || !IsInstalled())
            {
                throw new InvalidOperationException($"`npm ci` in {ProjectDirectory} failed ({run.ExitCode}); run it there by hand to see why.\n{run.Output}");
            }

            _installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>True when every dependency in package.json is installed at exactly its pinned version.</summary>
    private static bool IsInstalled()
    {
        if (!File.Exists(NodeExecutable))
        {
            return false;
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(ProjectDirectory, "package.json")));
        foreach (var dependency in manifest.RootElement.GetProperty("dependencies").EnumerateObject())
        {
            var installed = Path.Combine([ProjectDirectory, "node_modules", .. dependency.Name.Split('/'), "package.json"]);
            if (!File.Exists(installed))
            {
                return false;
            }

            using var package = JsonDocument.Parse(File.ReadAllText(installed));
            if (package.RootElement.GetProperty("version").GetString() != dependency.Value.GetString())
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, $"{await stdout}\n{await stderr}");
    }

    private static string FindProjectDirectory([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "Conformance"));
}
