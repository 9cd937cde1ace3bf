using System.Collections.Frozen;
using Verity.Mcp.HttpServer.Configuration;
using Verity.Mcp.Tools;

namespace Verity.Mcp.HttpServer.OAuth;

/// <summary>
/// The scope each tool needs: a read-only tool the read or the write scope (write includes read), any other tool the
/// write scope. Tools this server does not have need nothing here: the MCP handler answers that they do not exist.
/// </summary>
internal sealed class ToolScopes(IEnumerable<EndpointToolSet> toolSets, HttpServerOptions options)
{
    private readonly FrozenDictionary<string, bool> _readOnlyByName = toolSets
        .SelectMany(set => set.Descriptors)
        .GroupBy(endpoint => endpoint.ToolName, StringComparer.Ordinal)
        .ToFrozenDictionary(group => group.Key, group => group.All(endpoint => endpoint.ReadOnly), StringComparer.Ordinal);

    /// <summary>The scope to name in a 403 when <paramref name="token"/> may not call <paramref name="toolName"/>; null when it may.</summary>
    public string? Missing(AccessToken token, string toolName)
    {
        if (!_readOnlyByName.TryGetValue(toolName, out var readOnly))
        {
            return null;
        }

        if (readOnly)
        {
            return token.HasAnyScope(options.ReadScope, options.WriteScope) ? null : options.ReadScope;
        }

        return token.HasAnyScope(options.WriteScope) ? null : options.WriteScope;
    }
}
