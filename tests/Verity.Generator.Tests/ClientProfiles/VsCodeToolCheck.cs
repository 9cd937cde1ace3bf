using System.Text.Json.Nodes;

namespace Verity.Generator.Tests.ClientProfiles;

/// <summary>VS Code's rules: every array schema has <c>items</c> (microsoft/vscode#284536); at most 128 tools.</summary>
internal static class VsCodeToolCheck
{
    public const int ToolLimit = 128;

    public static IEnumerable<string> Problems(string toolName, JsonObject inputSchema) =>
        SchemaWalk.All(inputSchema)
            .Where(node => SchemaWalk.Types(node.Schema).Contains("array") && node.Schema["items"] is not JsonObject)
            .Select(node => $"{toolName}: array without items at '{node.Pointer}'");
}
