using System.Globalization;
using System.Reflection;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Cli;

/// <summary>
/// A scripted tour: starts the dev stack in-process, starts verity-mcp as <c>serve</c> (exactly what Cursor runs),
/// and drives it with the MCP client over stdio — list the tools, list the agents, place a test call, read its
/// transcript — narrating each step.
/// </summary>
internal static class DemoCommand
{
    private const string DemoPhoneNumber = "+15550100";
    private const int TranscriptReads = 5;

    public static async Task<int> RunAsync(ServerLaunch server, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("Verity MCP demo").ConfigureAwait(false);
        await using var stack = await DevStackHost.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"1. Started a local dev stack: Clerk emulator at {stack.ClerkApiUrl}, sample Verity API at {stack.VerityBaseUrl}; the server will act as {ClerkEmulatorSeed.AliceEmail}.").ConfigureAwait(false);

        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "verity",
            Command = server.Command,
            Arguments = [.. server.PrefixArguments, "serve"],
            EnvironmentVariables = ServerEnvironment(stack),
            StandardErrorLines = line => Console.Error.WriteLine($"  [server] {line}"),
        });
        await using var client = await McpClient.CreateAsync(
            transport,
            new McpClientOptions { ClientInfo = new Implementation { Name = "verity-devstack-demo", Version = ClientVersion } },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"2. Started '{server.Display("serve")}' and connected over stdio: server {client.ServerInfo?.Name} {client.ServerInfo?.Version}.").ConfigureAwait(false);
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

    private static string ClientVersion { get; } =
        typeof(DemoCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>
    /// The child sees only the dev stack's settings, never the caller's own Clerk or Verity settings: every
    /// <c>CLERK_*</c> and <c>VERITY_*</c> variable it would inherit is removed.
    /// </summary>
    private static Dictionary<string, string?> ServerEnvironment(DevStackHost stack)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("CLERK_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VERITY_", StringComparison.OrdinalIgnoreCase))
            {
                environment[name] = null;
            }
        }

        foreach (var (key, value) in stack.Settings)
        {
            environment[key] = value;
        }

        // The emulator's seeded oldest user, pinned so the server does not warn that it picked one itself.
        environment["CLERK_USER_EMAIL"] = ClerkEmulatorSeed.AliceEmail;
        environment["VERITY_LOG_LEVEL"] = "Warning";
        return environment;
    }

    private static async Task<JsonElement> CallAsync(McpClient client, string tool, string argumentsJson, CancellationToken cancellationToken)
    {
        var result = await client.CallToolAsync(
            new CallToolRequestParams { Name = tool, Arguments = ParseArguments(argumentsJson) },
            cancellationToken).ConfigureAwait(false);
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(block => block.Text));
        if (result.IsError == true)
        {
            throw new DemoStepFailedException($"{tool} returned an error: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static Dictionary<string, JsonElement> ParseArguments(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.Clone(), StringComparer.Ordinal);
    }

    private static string Indent(string text) =>
        string.Join('\n', text.Split('\n').Select(line => "   | " + line));
}
