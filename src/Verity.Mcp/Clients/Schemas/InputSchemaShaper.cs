using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verity.Mcp.Clients.Schemas;

/// <summary>Rewrites a tool's input schema for one client profile; the output schema is never touched.</summary>
public static class InputSchemaShaper
{
    /// <summary>The input schema <paramref name="profile"/>'s client accepts (<paramref name="schema"/> itself when nothing changes).</summary>
    public static JsonElement Shape(ClientProfile profile, JsonElement schema) =>
        TryShape(profile, schema, out var shaped) ? shaped : schema;

    /// <summary>
    /// Shapes <paramref name="schema"/> for <paramref name="profile"/>; false when the profile changes nothing in it
    /// (always for <see cref="ClientProfile.Exact"/>).
    /// </summary>
    public static bool TryShape(ClientProfile profile, JsonElement schema, out JsonElement shaped)
    {
        shaped = schema;
        if (profile == ClientProfile.Exact || schema.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var original = SchemaNodes.Parse(schema);
        var result = profile switch
        {
            ClientProfile.Cursor => CursorInputSchema.Shape(SchemaNodes.CopyOf(original)),
            ClientProfile.Claude => ClaudeInputSchema.Shape(SchemaNodes.CopyOf(original)),
            ClientProfile.VsCode => VsCodeInputSchema.Shape(SchemaNodes.CopyOf(original)),
            ClientProfile.Gemini => GeminiInputSchema.Shape(SchemaNodes.CopyOf(original)),
            ClientProfile.OpenAi => OpenAiStrictInputSchema.Shape(SchemaNodes.CopyOf(original)),
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown client profile."),
        };
        if (JsonNode.DeepEquals(original, result))
        {
            return false;
        }

        shaped = SchemaNodes.ToElement(result);
        return true;
    }
}
