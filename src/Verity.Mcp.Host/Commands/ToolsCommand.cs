using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Host.Cli;
using Verity.Mcp.Host.Configuration;
using Verity.Mcp.Host.Server;

namespace Verity.Mcp.Host.Commands;

/// <summary>Lists the tools exactly as <c>tools/list</c> returns them (after run-time filtering), as a table or JSON.</summary>
internal static class ToolsCommand
{
    public static async Task<int> RunAsync(ConfigurationManager configuration, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var logLevel = LogLevelSetting.Read(configuration, LogLevel.Information);
        await using var session = await InProcessSession.StartAsync(configuration, logLevel, withApi: false, cancellationToken).ConfigureAwait(false);
        var tools = await session.Client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var protocolTools = tools.Select(tool => tool.ProtocolTool).ToList();

        if (json)
        {
            var result = new ListToolsResult { Tools = protocolTools };
            var element = JsonSerializer.SerializeToElement(result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ListToolsResult)));
            await output.WriteLineAsync(ConsoleJson.Indent(element)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await output.WriteAsync(FormatTable(protocolTools)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    internal static string FormatTable(IReadOnlyList<Tool> tools)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{CompiledCatalog.ApiName} API {CompiledCatalog.ApiVersion} — {tools.Count} tools\n");
        foreach (var tool in tools)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{tool.Name}  [{Hints(tool.Annotations)}]\n");
            if (!string.IsNullOrWhiteSpace(tool.Description))
            {
                text.Append(CultureInfo.InvariantCulture, $"    {FirstLine(tool.Description)}\n");
            }

            foreach (var argument in Arguments(tool.InputSchema))
            {
                text.Append(CultureInfo.InvariantCulture, $"    {argument}\n");
            }
        }

        return text.ToString();
    }

    private static string Hints(ToolAnnotations? annotations)
    {
        if (annotations is null)
        {
            return "no annotations";
        }

        var hints = new List<string>();
        if (annotations.ReadOnlyHint == true)
        {
            hints.Add("read-only");
        }
        else
        {
            hints.Add(annotations.DestructiveHint == false ? "additive" : "destructive");
        }

        if (annotations.IdempotentHint == true)
        {
            hints.Add("idempotent");
        }

        if (annotations.OpenWorldHint == true)
        {
            hints.Add("open-world");
        }

        return string.Join(", ", hints);
    }

    private static string FirstLine(string description)
    {
        var end = description.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? description : description[..end];
    }

    private static IEnumerable<string> Arguments(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object ||
            !schema.TryGetProperty("properties", out var properties) ||
            properties.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (schema.TryGetProperty("required", out var requiredNames) && requiredNames.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in requiredNames.EnumerateArray())
            {
                if (name.GetString() is { } text)
                {
                    required.Add(text);
                }
            }
        }

        foreach (var property in properties.EnumerateObject())
        {
            var marker = required.Contains(property.Name) ? "" : "?";
            var line = $"{property.Name}{marker}: {TypeOf(Resolve(property.Value, schema))}";
            if (property.Value.ValueKind == JsonValueKind.Object &&
                property.Value.TryGetProperty("description", out var description) &&
                description.ValueKind == JsonValueKind.String)
            {
                line += $"  — {description.GetString()}";
            }

            yield return line;
        }
    }

    /// <summary>Follows a <c>#/$defs/…</c> reference inside the tool's own schema.</summary>
    private static JsonElement Resolve(JsonElement schema, JsonElement root)
    {
        const string prefix = "#/$defs/";
        for (var hops = 0; hops < 8; hops++)
        {
            if (schema.ValueKind != JsonValueKind.Object ||
                !schema.TryGetProperty("$ref", out var reference) ||
                reference.GetString() is not { } text ||
                !text.StartsWith(prefix, StringComparison.Ordinal) ||
                !root.TryGetProperty("$defs", out var definitions) ||
                !definitions.TryGetProperty(text[prefix.Length..], out var target))
            {
                break;
            }

            schema = target;
        }

        return schema;
    }

    private static string TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return "any";
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            return string.Join(" | ", values.EnumerateArray().Select(value => value.ToString()));
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return "object";
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            return string.Join(" | ", type.EnumerateArray().Select(value => value.GetString()));
        }

        var name = type.GetString() ?? "any";
        if (name == "array" && schema.TryGetProperty("items", out var items))
        {
            return TypeOf(items) + "[]";
        }

        return schema.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String
            ? $"{name} ({format.GetString()})"
            : name;
    }
}
