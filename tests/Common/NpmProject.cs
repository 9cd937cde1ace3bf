using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Verity.Tests.Common;

/// <summary>
/// A committed npm project (package.json with exact versions and its lock file) that tests install with <c>npm ci</c>
/// once per test run, when a dependency is missing or not at its pinned version, so the README's test command stays
/// the only step (CI installs these projects first); then runs Node or a CLI from it.
/// </summary>
internal sealed class NpmProject(string directory, Func<string, string> describeMissingNpm)
{
    private readonly SemaphoreSlim _installGate = new(1, 1);
    private bool _installed;

    public string Directory { get; } = directory;

    /// <summary>Skips the packages' install scripts (for projects that only ship files).</summary>
    public bool IgnoreScripts { get; init; }

    public TimeSpan InstallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Settings added to the environment of every process run here, <c>npm ci</c> included.</summary>
    public IReadOnlyDictionary<string, string> ExtraEnvironment { get; init; } = new Dictionary<string, string>();

    public string ModulesDirectory => Path.Combine(Directory, "node_modules");

    /// <summary>The Node executable that the npm package <c>node</c> installs, when the project depends on it.</summary>
    public string NodeExecutable => Path.Combine(ModulesDirectory, "node", "bin", "node");

    public async Task EnsureInstalledAsync()
    {
        await _installGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_installed || IsInstalled())
            {
                _installed = true;
                return;
            }

            List<string> arguments = ["ci", "--no-audit", "--no-fund"];
            if (IgnoreScripts)
            {
                arguments.Add("--ignore-scripts");
            }

            (int ExitCode, string Stdout, string Stderr) run;
            try
            {
                run = await RunAsync("npm", arguments, InstallTimeout).ConfigureAwait(false);
            }
            catch (Win32Exception exception)
            {
                throw new InvalidOperationException(describeMissingNpm(exception.Message), exception);
            }

            if (run.ExitCode != 0 || !IsInstalled())
            {
                throw new InvalidOperationException(
                    $"`npm ci` in {Directory} failed ({run.ExitCode}); run it there by hand to see why.\n{run.Stdout}\n{run.Stderr}");
            }

            _installed = true;
        }
        finally
        {
            _installGate.Release();
        }
    }

    /// <summary>True when every dependency in package.json is installed at exactly its pinned version.</summary>
    public bool IsInstalled()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "package.json")));
        foreach (var dependency in manifest.RootElement.GetProperty("dependencies").EnumerateObject())
        {
            var installed = Path.Combine([ModulesDirectory, .. dependency.Name.Split('/'), "package.json"]);
            if (!File.Exists(installed))
            {
                return false;
            }

            using var package = JsonDocument.Parse(File.ReadAllText(installed));
            if (package.RootElement.GetProperty("version").GetString() != dependency.Value.GetString())
            {
                return false;
            }

            // The node package fetches its binary in an install script, so its package.json alone does not prove it is there.
            if (dependency.Name == "node" && !File.Exists(NodeExecutable))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Runs <paramref name="fileName"/> (in the project's directory unless <paramref name="workingDirectory"/> is given)
    /// and captures its output; kills its process tree when it outlives <paramref name="timeout"/>.
    /// </summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in ExtraEnvironment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.\n{await stdout.ConfigureAwait(false)}\n{await stderr.ConfigureAwait(false)}");
        }

        return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }
}
