using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Host.Cli;
using Verity.Mcp.Host.Configuration;
using Verity.Mcp.Host.Server;
using Verity.Mcp.Tools.Dynamic;

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
        CallToolResult result;
        if (tools.Any(tool => tool.Name == toolName))
        {
            result = await session.Client.CallToolAsync(
                new CallToolRequestParams { Name = toolName, Arguments = arguments },
                cancellationToken).ConfigureAwait(false);
        }
        else if (tools.Any(tool => tool.Name == DynamicToolNames.Call) && await IsServedAsync(session, toolName, cancellationToken).ConfigureAwait(false))
        {
            // Dynamic mode lists only the search/describe/call tools; the person named the endpoint tool itself, so it
            // runs through call_api_endpoint: the same tool object validates, sends and maps, as a direct call would.
            result = await session.Client.CallToolAsync(
                new CallToolRequestParams
                {
                    Name = DynamicToolNames.Call,
                    Arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
                    {
                        ["name"] = Element(writer => writer.WriteStringValue(toolName)),
                        ["arguments"] = Element(writer => WriteObject(writer, arguments)),
                    },
                },
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new UsageException($"There is no tool '{toolName}'. Run 'verity-mcp tools' to see the tools (VERITY_TOOLS and VERITY_READ_ONLY hide some).");
        }

        await output.WriteLineAsync(ToolResultText.Format(result)).ConfigureAwait(false);
        return result.IsError == true ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static async Task<bool> IsServedAsync(InProcessSession session, string toolName, CancellationToken cancellationToken)
    {
        var described = await session.Client.CallToolAsync(
            new CallToolRequestParams
            {
                Name = DynamicToolNames.Describe,
                Arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
                {
                    ["name"] = Element(writer => writer.WriteStringValue(toolName)),
                },
            },
            cancellationToken).ConfigureAwait(false);
        return described.IsError != true;
    }

    /// <summary>A JSON value written without reflection (the host is trimmed and compiled ahead of time).</summary>
    private static JsonElement Element(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static void WriteObject(Utf8JsonWriter writer, Dictionary<string, JsonElement> properties)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in properties)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
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
