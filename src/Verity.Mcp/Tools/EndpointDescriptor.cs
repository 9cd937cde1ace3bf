namespace Verity.Mcp.Tools;

/// <summary>
/// What the runtime needs to know about one catalog endpoint. Generated code creates one per tool.
/// </summary>
/// <param name="ToolName">The final MCP tool name (prefix included).</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="PathTemplate">The catalog path, e.g. <c>/api/agents/{agentId}</c>.</param>
/// <param name="ReadOnly">The tool's readOnly hint.</param>
/// <param name="Idempotent">Whether the request may be resent safely (retries are allowed only then).</param>
/// <param name="Timeout">The catalog's per-endpoint timeout, or null for the configured default.</param>
/// <param name="HasOutputSchema">Whether the tool declares an output schema, so success results carry <c>structuredContent</c> (see <see cref="ToolResultContract"/>).</param>
/// <param name="Tags">The catalog's tags, used to filter tools at run time.</param>
/// <param name="ApiName">The catalog's <c>api.name</c>: the tool calls the API client registered under it, else the default one.</param>
public sealed record EndpointDescriptor(
    string ToolName,
    string Method,
    string PathTemplate,
    bool ReadOnly,
    bool Idempotent,
    TimeSpan? Timeout,
    bool HasOutputSchema,
    IReadOnlyList<string> Tags,
    string? ApiName = null)
{
    /// <summary>
    /// The arguments that fill the template's <c>{name}</c> segments, in order: the template is their one source, so
    /// generated code does not list them again.
    /// </summary>
    public IReadOnlyList<string> PathArguments()
    {
        var names = new List<string>();
        for (var open = PathTemplate.IndexOf('{'); open >= 0; open = PathTemplate.IndexOf('{', open + 1))
        {
            var close = PathTemplate.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            names.Add(PathTemplate[(open + 1)..close]);
        }

        return names;
    }
}
