using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Verity.DevStack;
using Verity.DevStack.Clerk;
using Verity.Mcp.Host.Cli;
using Verity.Mcp.Host.Configuration;
using Verity.Mcp.Host.Server;

namespace Verity.Mcp.Host.Commands;

/// <summary>
/// A scripted tour: starts the dev stack in-process, starts this program as <c>serve</c> (exactly what Cursor
/// runs), and drives it with the MCP client over stdio — list the tools, list the agents, place a test call,
/// read its transcript — narrating each step.
/// </summary>
internal static class DemoCommand
{
    private const string DemoPhoneNumber = "+15550100";
    private const int TranscriptReads = 5;

    public static async Task<int> RunAsync(ConfigurationManager configuration, TextWriter output, CancellationToken cancellationToken)
    {
        _ = configuration;
        await output.WriteLineAsync("Verity MCP demo").ConfigureAwait(false);
        await using var stack = await DevStackHost.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"1. Started a local dev stack: Clerk emulator at {stack.ClerkApiUrl}, sample Verity API at {stack.VerityBaseUrl}; the server will act as {ClerkEmulatorSeed.AliceEmail}.").ConfigureAwait(false);

        var (command, prefix) = SelfLaunch.Resolve();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "verity",
            Command = command,
            Arguments = [.. prefix, "serve"],
            EnvironmentVariables = ServerEnvironment(stack),
            StandardErrorLines = line => Console.Error.WriteLine($"  [server] {line}"),
        });
        await using var client = await McpClient.CreateAsync(
            transport,
            new McpClientOptions { ClientInfo = new Implementation { Name = "verity-mcp-demo", Version = ServerIdentity.Version } },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var shown = string.Join(' ', new[] { command }.Concat(prefix).Select(part => Path.GetFileName(part)).Append("serve"));
        await output.WriteLineAsync($"2. Started '{shown}' and connected over stdio: server {client.ServerInfo?.Name} {client.ServerInfo?.Version}.").ConfigureAwait(false);
        await output.WriteLineAsync(Indent(client.ServerInstructions ?? "(no instructions)")).ConfigureAwait(false);

        var tools = await client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"3. tools/list: {tools.Count} tools: {string.Join(", ", tools.Select(tool => tool.Name))}.")).ConfigureAwait(false);

        var agents = await CallAsync(client, "list_agents", "{\"limit\":5}", cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync("4. list_agents:").ConfigureAwait(false);
        string? agentId = null;
        foreach (var agent in agents.GetProperty("data").EnumerateArray())
        {
            var status = agent.GetProperty("status").GetString();
            await output.WriteLineAsync($"   {agent.GetProperty("id").GetString()}  {agent.GetProperty("name").GetString()} ({status})").ConfigureAwait(false);
            agentId ??= status == "active" ? agent.GetProperty("id").GetString() : null;
        }

        if (agentId is null)
        {
            await output.WriteLineAsync("   No active agent to place a test call with.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        var call = await CallAsync(client, "initiate_test_call",
            $$"""{"agentId":"{{agentId}}","phoneNumber":"{{DemoPhoneNumber}}","contactName":"Demo User","context":"A demo call from verity-mcp."}""",
            cancellationToken).ConfigureAwait(false);
        var callId = call.GetProperty("id").GetString()!;
        await output.WriteLineAsync($"5. initiate_test_call: agent {agentId} is calling {DemoPhoneNumber}: call {callId}, status {call.GetProperty("status").GetString()}.").ConfigureAwait(false);

        await output.WriteLineAsync($"6. get_call_transcript for {callId} (the call advances as it is read):").ConfigureAwait(false);
        var shownTurns = 0;
        for (var read = 0; read < TranscriptReads; read++)
        {
            var transcript = await CallAsync(client, "get_call_transcript", $$"""{"callId":"{{callId}}"}""", cancellationToken).ConfigureAwait(false);
            var status = transcript.GetProperty("status").GetString();
            var turns = transcript.GetProperty("turns").EnumerateArray().ToList();
            await output.WriteLineAsync($"   status {status}").ConfigureAwait(false);
            foreach (var turn in turns.Skip(shownTurns))
            {
                await output.WriteLineAsync($"     {turn.GetProperty("speaker").GetString(),-6} {turn.GetProperty("text").GetString()}").ConfigureAwait(false);
            }

            shownTurns = turns.Count;
            if (status is "completed" or "failed" or "no_answer" or "canceled")
            {
                if (transcript.TryGetProperty("summary", out var summary) && summary.ValueKind == JsonValueKind.String)
                {
                    await output.WriteLineAsync($"   summary: {summary.GetString()}").ConfigureAwait(false);
                }

                break;
            }
        }

        await output.WriteLineAsync("7. Done: the same server runs in Cursor with your own Clerk key (see README.md).").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>The child sees only the dev stack's settings, never the caller's own Clerk or Verity settings.</summary>
    private static Dictionary<string, string?> ServerEnvironment(DevStackHost stack)
    {
        var environment = KnownSettings.All.ToDictionary(setting => setting.Name, _ => (string?)null, StringComparer.Ordinal);
        foreach (var (key, value) in stack.Settings)
        {
            environment[key] = value;
        }

        // The emulator's seeded oldest user, pinned so the server does not warn that it picked one itself.
        environment["CLERK_USER_EMAIL"] = ClerkEmulatorSeed.AliceEmail;
        environment[KnownSettings.LogLevel] = "Warning";
        return environment;
    }

    private static async Task<JsonElement> CallAsync(McpClient client, string tool, string argumentsJson, CancellationToken cancellationToken)
    {
        var result = await client.CallToolAsync(
            new CallToolRequestParams { Name = tool, Arguments = CallCommand.ParseArguments(argumentsJson) },
            cancellationToken).ConfigureAwait(false);
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(block => block.Text));
        if (result.IsError == true)
        {
            throw new DemoStepFailedException($"{tool} returned an error: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static string Indent(string text) =>
        string.Join('\n', text.Split('\n').Select(line => "   | " + line));
}

/// <summary>A step of the demo got an error result; the message is shown and the demo exits 1.</summary>
internal sealed class DemoStepFailedException(string message) : Exception(message);
