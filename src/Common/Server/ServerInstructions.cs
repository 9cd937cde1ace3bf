using System.Globalization;
using System.Text;
using ModelContextProtocol.Server;
using Verity.Mcp.Tools.Dynamic;

namespace Verity.Common.Server;

/// <summary>
/// The <c>instructions</c> the assistant reads at <c>initialize</c>: what the API is, how the tools group, and
/// which tools act on the world (a test call rings a real phone; destructive tools change or delete data).
/// </summary>
internal static class ServerInstructions
{
    private const int NamesPerGroup = 12;
    private const string TestCallTool = "initiate_test_call";

    public static string Build(string apiName, string? apiVersion, IReadOnlyList<McpServerTool> listed)
    {
        var dynamic = listed.Any(static tool => tool is DynamicTool);
        IReadOnlyList<McpServerTool> tools = listed.Where(static tool => tool is not DynamicTool).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Tools for the {apiName} API");
        if (!string.IsNullOrEmpty(apiVersion))
        {
            text.Append(CultureInfo.InvariantCulture, $" (version {apiVersion})");
        }

        text.Append(CultureInfo.InvariantCulture, $": {tools.Count} tools, each one HTTP request to the API, authenticated for you.");
        if (dynamic)
        {
            // In auto mode only some clients get the three dynamic tools; the sentence holds for both lists.
            text.Append(CultureInfo.InvariantCulture,
                $"\nIf your tool list shows {DynamicToolNames.Search} instead of these tools, find the tool for a task with it, read its arguments with {DynamicToolNames.Describe} and run it with {DynamicToolNames.Call}.");
        }

        AppendGroups(text, tools);
        AppendSafety(text, tools);
        text.Append("\nResults are the API's JSON; a result marked as an error says what went wrong and what to do.");
        return text.ToString();
    }

    private static void AppendGroups(StringBuilder text, IReadOnlyList<McpServerTool> tools)
    {
        var groups = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            var group = ToolFacts.FirstTag(tool) ?? "other";
            if (!groups.TryGetValue(group, out var names))
            {
                groups[group] = names = [];
            }

            names.Add(tool.ProtocolTool.Name);
        }

        foreach (var (group, names) in groups)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {group}: {string.Join(", ", names.Take(NamesPerGroup))}");
            if (names.Count > NamesPerGroup)
            {
                text.Append(CultureInfo.InvariantCulture, $" and {names.Count - NamesPerGroup} more");
            }
        }
    }

    private static void AppendSafety(StringBuilder text, IReadOnlyList<McpServerTool> tools)
    {
        if (tools.Any(tool => tool.ProtocolTool.Name.EndsWith(TestCallTool, StringComparison.Ordinal)))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\nSafety: {TestCallTool} makes a real phone ring: confirm the number with the user before calling it.");
        }

        var destructive = tools.Where(ToolFacts.IsDestructive).Select(tool => tool.ProtocolTool.Name).ToList();
        if (destructive.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\nDestructive tools change or delete data for good; confirm with the user first: {string.Join(", ", destructive.Take(NamesPerGroup))}");
            if (destructive.Count > NamesPerGroup)
            {
                text.Append(CultureInfo.InvariantCulture, $" and {destructive.Count - NamesPerGroup} more");
            }

            text.Append('.');
        }
    }
}
