using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verity.Mcp.Host.Tests.Infrastructure;

/// <summary>
/// The official MCP TypeScript SDK client signing in to a remote MCP server with its OAuth support
/// (<c>TypeScriptClient/sign-in-and-call.mjs</c>, on the Node 22 that <see cref="TypeScriptClient"/> installs), then
/// listing the tools and making the calls.
/// </summary>
public static class TypeScriptSignIn
{
    /// <summary>A redirect URI on a loopback port nobody listens on: the script reads the code from the 302 and never follows it.</summary>
    public const string RedirectUrl = "http://127.0.0.1:9/oauth/callback";

    /// <param name="serverUrl">The server's MCP endpoint.</param>
    /// <param name="loginHint">The seeded user the dev stack's authorization server signs in.</param>
    /// <param name="calls">Tool calls once signed in.</param>
    /// <param name="callsAfterExpiry">Tool calls made after the access token has expired (null: none), plus <paramref name="extraWait"/>.</param>
    public static async Task<TypeScriptSignInReport> RunAsync(
        string serverUrl,
        string loginHint,
        IReadOnlyList<(string Tool, string ArgumentsJson)> calls,
        IReadOnlyList<(string Tool, string ArgumentsJson)>? callsAfterExpiry = null,
        TimeSpan extraWait = default)
    {
        await TypeScriptClient.EnsureInstalledAsync();

        var plan = new JsonObject
        {
            ["serverUrl"] = serverUrl,
            ["loginHint"] = loginHint,
            ["redirectUrl"] = RedirectUrl,
            ["clientInfo"] = new JsonObject { ["name"] = "verity-e2e-typescript-oauth", ["version"] = "1.0.0" },
            ["calls"] = Calls(calls),
        };
        if (callsAfterExpiry is not null)
        {
            plan["afterExpiry"] = new JsonObject { ["calls"] = Calls(callsAfterExpiry), ["extraWaitMs"] = (int)extraWait.TotalMilliseconds };
        }

        var planPath = Path.Combine(Path.GetTempPath(), $"verity-ts-sign-in-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(planPath, plan.ToJsonString());
        try
        {
            var run = await TypeScriptClient.RunAsync(
                TypeScriptClient.NodeExecutable,
                [Path.Combine(TypeScriptClient.ProjectDirectory, "sign-in-and-call.mjs"), planPath],
                TimeSpan.FromMinutes(3));
            var reportLine = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            if (run.ExitCode != 0 || reportLine is null)
            {
                throw new InvalidOperationException($"The TypeScript client exited with {run.ExitCode}.\nstdout:\n{run.Stdout}\nstderr:\n{run.Stderr}");
            }

            return JsonSerializer.Deserialize<TypeScriptSignInReport>(reportLine, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new InvalidOperationException($"The TypeScript client wrote no report: {run.Stdout}");
        }
        finally
        {
            File.Delete(planPath);
        }
    }

    private static JsonArray Calls(IReadOnlyList<(string Tool, string ArgumentsJson)> calls) =>
        [.. calls.Select(call => new JsonObject { ["tool"] = call.Tool, ["arguments"] = JsonNode.Parse(call.ArgumentsJson) })];
}
