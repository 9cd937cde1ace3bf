using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verity.Tests.Common;

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
    private static readonly NpmProject Project = new(
        FindProjectDirectory(),
        reason => $"The TypeScript client test needs npm on PATH (Node.js 18 or later; it installs Node 22 itself): {reason}. "
            + $"Install Node.js, or run `npm ci --prefix {FindProjectDirectory()}` once.");

    public static string ProjectDirectory => Project.Directory;

    /// <summary>The Node 22 executable that the npm package <c>node</c> installs.</summary>
    public static string NodeExecutable => Project.NodeExecutable;

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

    internal static Task EnsureInstalledAsync() => Project.EnsureInstalledAsync();

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

    internal static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout) =>
        Project.RunAsync(fileName, arguments, timeout);

    private static string FindProjectDirectory([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "TypeScriptClient"));
}
