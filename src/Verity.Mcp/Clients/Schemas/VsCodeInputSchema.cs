using System.Text.Json.Nodes;

namespace Verity.Mcp.Clients.Schemas;

/// <summary>
/// VS Code refuses a tool whose schema has an array without <c>items</c> (microsoft/vscode#284536): every array schema,
/// in <c>$defs</c> and type arrays too, gets <c>"items": {}</c>, which admits what an absent <c>items</c> admits.
/// </summary>
internal static class VsCodeInputSchema
{
    public static JsonObject Shape(JsonObject schema)
    {
        SchemaNodes.Visit(schema, node =>
        {
            if (SchemaNodes.HasType(node, "array") && !node.ContainsKey("items"))
            {
                node["items"] = new JsonObject();
            }
        });
        return schema;
    }
}
