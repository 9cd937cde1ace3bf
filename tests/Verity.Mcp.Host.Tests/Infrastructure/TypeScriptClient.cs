using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verity.Mcp.Host.Tests.Infrastructure;

/// <summary>
/// The official MCP TypeScript SDK client, run on Node 22 from the npm project in <c>TypeScriptClient/</c>
/// (<c>call-every-tool.mjs</c> over stdio; <see cref="TypeScriptSignIn"/> runs its <c>sign-in-and-call.mjs</c> over
/// HTTP). The project's packages, Node 22 included, are installed with <c>npm ci</c> on first use when they are
/// missing or not the pinned versions, so the README's test command stays the only step; that needs <c>npm</c> (any
/// Node.js 18 or later) on PATH.
/// </summary>
public static class TypeScriptClient
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static bool _installed;

    public static string ProjectDirectory { get; } = FindProjectDirectory();

    /// <summary>The Node 22 executable that the npm package <c>node</c> installs.</summary>
    public static string NodeExecutable => Path.Combine(ProjectDirectory, "node_modules", "node", "bin", "node");

    /// <summary>Starts <paramref name="server"/> through the SDK's stdio transport, lists the tools and makes each call in order.</summary>
    public static async Task<TypeScriptClientReport> CallToolsAsync(
        HostVariant server,
        IReadOnlyDictionary<string, string?> serverSettings,
        IReadOnlyList<(string Tool, string ArgumentsJson)> calls)
    {
        await EnsureInstalledAsync();

        var plan = new JsonObject
        {
            ["server"] = new JsonObject
            {
                ["command"] = server.FileName,
                ["args"] = new JsonArray([.. server.PrefixArguments.Append("serve").Select(a => JsonValue.Create(a))]),
                ["env"] = ServerEnvironment(serverSettings),
                ["cwd"] = AppContext.BaseDirectory,
            },
            ["clientInfo"] = new JsonObject { ["name"] = "verity-e2e-typescript", ["version"] = "1.0.0" },
            ["calls"] = new JsonArray([.. calls.Select(call => new JsonObject
            {
                ["tool"] = call.Tool,
                ["arguments"] = JsonNode.Parse(call.ArgumentsJson),
            })]),
        };

        var planPath = Path.Combine(Path.GetTempPath(), $"verity-ts-plan-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(planPath, plan.ToJsonString());
        try
        {
            var run = await RunAsync(NodeExecutable, [Path.Combine(ProjectDirectory, "call-every-tool.mjs"), planPath], TimeSpan.FromMinutes(3));
            var reportLine = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            if (run.ExitCode != 0 || reportLine is null)
            {
                throw new InvalidOperationException($"The TypeScript client exited with {run.ExitCode}.\nstdout:\n{run.Stdout}\nstderr:\n{run.Stderr}");
            }

            return JsonSerializer.Deserialize<TypeScriptClientReport>(reportLine, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new InvalidOperationException($"The TypeScript client wrote no report: {run.Stdout}");
        }
        finally
        {
            File.Delete(planPath);
        }
    }

    internal static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (_installed || IsInstalled())
            {
                _installed = true;
                return;
            }

            (int ExitCode, string Stdout, string Stderr) run;
            try
            {
                run = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                throw new InvalidOperationException(
                    $"The TypeScript client test needs npm on PATH (Node.js 18 or later; it installs Node 22 itself): {exception.Message}. "
                    + $"Install Node.js, or run `npm ci --prefix {ProjectDirectory}` once.", exception);
            }

            if (run.ExitCode != 0 || !IsInstalled())
            {
                throw new InvalidOperationException(
                    $"`npm ci` in {ProjectDirectory} failed ({run.ExitCode}); run it there by hand to see why.\n{run.Stdout}\n{run.Stderr}");
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

    /// <summary>The machine's environment without its own CLERK_* and VERITY_* settings, plus <paramref name="settings"/> (as <see cref="HostProcess"/> does).</summary>
    private static JsonObject ServerEnvironment(IReadOnlyDictionary<string, string?> settings)
    {
        var environment = new JsonObject();
        foreach (var entry in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>())
        {
            var key = (string)entry.Key;
            if (!key.StartsWith("CLERK_", StringComparison.OrdinalIgnoreCase) && !key.StartsWith("VERITY_", StringComparison.OrdinalIgnoreCase))
            {
                environment[key] = (string?)entry.Value;
            }
        }

        environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            if (value is not null)
            {
                environment[key] = value;
            }
        }

        return environment;
    }

    internal static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ProjectDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

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
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.\n{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindProjectDirectory([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "TypeScriptClient"));
}
