using System.Globalization;
using System.Text;
using ModelContextProtocol.Protocol;

namespace Verity.Mcp.Tools;

/// <summary>
/// The tool error the assistant sees for bad arguments: one line per problem, by argument and rule, the first
/// <see cref="ArgumentErrors.MaxListed"/> of them and a count of the rest.
/// </summary>
public static class InvalidArgumentsResult
{
    public static CallToolResult Create(string toolName, IReadOnlyList<ArgumentError> errors)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        ArgumentNullException.ThrowIfNull(errors);
        var total = errors is ArgumentErrors counted ? counted.Total : errors.Count;
        var listed = Math.Min(errors.Count, ArgumentErrors.MaxListed);
        var text = new StringBuilder()
            .Append("Invalid arguments for tool '").Append(toolName).Append("' (")
            .Append(total.ToString(CultureInfo.InvariantCulture)).Append(total == 1 ? " problem" : " problems")
            .Append("); no request was sent. Fix them and call the tool again:");
        for (var i = 0; i < listed; i++)
        {
            text.Append('\n').Append("- ").Append(errors[i]);
        }

        if (total > listed)
        {
            text.Append('\n').Append("- …and ").Append((total - listed).ToString(CultureInfo.InvariantCulture)).Append(" more.");
        }

        return new CallToolResult
        {
            IsError = true,
            Content = [new TextContentBlock { Text = text.ToString() }],
        };
    }
}
