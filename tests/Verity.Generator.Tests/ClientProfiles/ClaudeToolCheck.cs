using System.Text.Json.Nodes;

namespace Verity.Generator.Tests.ClientProfiles;

/// <summary>Claude's rules for a tool: no <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c> at the top of the input schema; a name of 1–64 characters.</summary>
internal static class ClaudeToolCheck
{
    public static IEnumerable<string> Problems(string toolName, JsonObject inputSchema)
    {
        foreach (var keyword in (string[])["oneOf", "anyOf", "allOf"])
        {
            if (inputSchema.ContainsKey(keyword))
            {
                yield return $"{toolName}: '{keyword}' at the top of the input schema";
            }
        }

        if (toolName.Length is 0 or > 64)
        {
            yield return $"{toolName}: name of {toolName.Length} characters";
        }
    }
}
