using System.Text.Json.Nodes;

namespace Verity.Mcp.Clients.Schemas;

/// <summary>For clients whose only combinator is <c>anyOf</c> (Gemini, OpenAI strict mode).</summary>
internal static class SchemaCombinators
{
    /// <summary>
    /// Merges <c>allOf</c> and writes <c>oneOf</c> as <c>anyOf</c>, in place; what cannot be expressed that way moves
    /// into the description. <c>anyOf</c> admits a little more than <c>oneOf</c>; the server still checks "exactly one"
    /// against the catalog's own schema.
    /// </summary>
    public static void LeaveOnlyAnyOf(JsonObject node)
    {
        if (!SchemaAllOfMerger.TryMerge(node))
        {
            SchemaNotes.MoveToDescription(node, "allOf");
        }

        if (!node.ContainsKey("oneOf"))
        {
            return;
        }

        if (node.ContainsKey("anyOf"))
        {
            SchemaNotes.MoveToDescription(node, "oneOf");
            return;
        }

        node["anyOf"] = SchemaNodes.Clone(node["oneOf"]);
        node.Remove("oneOf");
        SchemaNotes.Append(node, "Exactly one of these shapes applies.");
    }
}
