using ModelContextProtocol.Server;

namespace Verity.Mcp.Tools;

/// <summary>Applies <see cref="ToolFilterOptions"/> to a catalog's tools.</summary>
public static class ToolFilter
{
    public static bool Includes(ToolFilterOptions options, EndpointDescriptor endpoint)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (options.ReadOnly && !endpoint.ReadOnly)
        {
            return false;
        }

        if (options.Tools.Count == 0)
        {
            return true;
        }

        foreach (var entry in options.Tools)
        {
            if (entry.StartsWith(ToolFilterOptions.TagPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var tag = entry[ToolFilterOptions.TagPrefix.Length..];
                if (endpoint.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            else if (string.Equals(entry, endpoint.ToolName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The tools the filter lets through; tools that are not generated endpoint tools always pass.</summary>
    public static IReadOnlyList<McpServerTool> Apply(ToolFilterOptions options, IEnumerable<McpServerTool> tools) =>
        tools.Where(tool => tool is not EndpointTool endpointTool || Includes(options, endpointTool.Endpoint)).ToArray();

    /// <summary>The <c>VERITY_TOOLS</c> entries that name no tool and no tag of any registered catalog.</summary>
    public static IReadOnlyList<string> UnknownEntries(ToolFilterOptions options, IEnumerable<EndpointDescriptor> endpoints)
    {
        ArgumentNullException.ThrowIfNull(options);
        var all = endpoints.ToArray();
        return options.Tools.Where(entry => entry.StartsWith(ToolFilterOptions.TagPrefix, StringComparison.OrdinalIgnoreCase)
                ? !all.Any(e => e.Tags.Contains(entry[ToolFilterOptions.TagPrefix.Length..], StringComparer.OrdinalIgnoreCase))
                : !all.Any(e => string.Equals(e.ToolName, entry, StringComparison.OrdinalIgnoreCase)))
            .ToArray();
    }
}
