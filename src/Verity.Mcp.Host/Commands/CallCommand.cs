using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Host.Cli;
using Verity.Mcp.Host.Configuration;
using Verity.Mcp.Host.Server;

namespace Verity.Mcp.Host.Commands;

/// <summary>One tool call through the full pipeline (binding, auth, HTTP, result mapping), printed for a person.</summary>
internal static class CallCommand
{
    public static async Task<int> RunAsync(
        ConfigurationManager configuration, string toolName, string? argumentsJson, TextWriter output, CancellationToken cancellationToken)
    {
        var arguments = ParseArguments(argumentsJson);
        var logLevel = LogLevelSetting.Read(configuration, LogLevel.Information);
        await using var session = await InProcessSession.StartAsync(configuration, logLevel, withApi: true, cancellationToken).ConfigureAwait(false);

        var tools = await session.Client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!tools.Any(tool => tool.Name == toolName))
        {
            throw new UsageException($"There is no tool '{toolName}'. Run 'verity-mcp tools' to see the tools (VERITY_TOOLS and VERITY_READ_ONLY hide some).");
        }

        var result = await session.Client.CallToolAsync(
            new CallToolRequestParams { Name = toolName, Arguments = arguments },
            cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(ToolResultText.Format(result)).ConfigureAwait(false);
        return result.IsError == true ? ExitCodes.Failure : ExitCodes.Success;
    }

    internal static Dictionary<string, JsonElement> ParseArguments(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new UsageException($"--args is not valid JSON ({exception.Message}); pass an object, e.g. --args '{{\"agentId\":\"agt_01\"}}'.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException("--args must be a JSON object, e.g. --args '{\"agentId\":\"agt_01\"}'.");
            }

            var arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                arguments[property.Name] = property.Value.Clone();
            }

            return arguments;
        }
    }
}
