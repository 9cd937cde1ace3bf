using System.Collections.Frozen;
using Verity.Mcp.HttpServer.Configuration;
using Verity.Mcp.Tools;
using Verity.Mcp.Tools.Dynamic;

namespace Verity.Mcp.HttpServer.OAuth;

/// <summary>
/// The scope each tool call needs: a read-only endpoint tool the read or the write scope (write includes read), any
/// other endpoint tool the write scope. In the dynamic tool mode, searching and describing need the read scope, and
/// <c>call_api_endpoint</c> needs what the endpoint it names needs (the write scope when that name is no read-only
/// endpoint). Names compare ignoring case, so no spelling of a write tool passes as unknown. A name that is no tool at
/// all needs nothing here: the MCP handler answers that it does not exist.
/// </summary>
internal sealed class ToolScopes(IEnumerable<EndpointToolSet> toolSets, HttpServerOptions options)
{
    private readonly FrozenDictionary<string, bool> _readOnlyByName = toolSets
        .SelectMany(set => set.Descriptors)
        .GroupBy(endpoint => endpoint.ToolName, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(group => group.Key, group => group.All(endpoint => endpoint.ReadOnly), StringComparer.OrdinalIgnoreCase);

    /// <summary>The scope to name in a 403 when <paramref name="token"/> may not make <paramref name="call"/>; null when it may.</summary>
    public string? Missing(AccessToken token, ToolCall call)
    {
        bool? readOnly = call.ToolName switch
        {
            _ when Is(call.ToolName, DynamicToolNames.Search) || Is(call.ToolName, DynamicToolNames.Describe) => true,
            _ when Is(call.ToolName, DynamicToolNames.Call) => call.EndpointName is { } endpoint && _readOnlyByName.GetValueOrDefault(endpoint),
            _ => _readOnlyByName.TryGetValue(call.ToolName, out var known) ? known : null,
        };

        return readOnly switch
        {
            null => null,
            true => token.HasAnyScope(options.ReadScope, options.WriteScope) ? null : options.ReadScope,
            false => token.HasAnyScope(options.WriteScope) ? null : options.WriteScope,
        };
    }

    private static bool Is(string name, string toolName) => string.Equals(name, toolName, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One <c>tools/call</c> as the scope check sees it: the tool, and for <c>call_api_endpoint</c> the endpoint it names.</summary>
internal readonly record struct ToolCall(string ToolName, string? EndpointName);
