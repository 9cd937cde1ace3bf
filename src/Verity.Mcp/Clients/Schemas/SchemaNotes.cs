using System.Text.Json.Nodes;

namespace Verity.Mcp.Clients.Schemas;

/// <summary>
/// Moves a keyword a client cannot take into the schema's <c>description</c> as a plain sentence, so the model still
/// knows the rule (the server still enforces it).
/// </summary>
internal static class SchemaNotes
{
    /// <summary>Removes <paramref name="keyword"/> from <paramref name="schema"/> and says in the description what it required.</summary>
    public static void MoveToDescription(JsonObject schema, string keyword)
    {
        if (!schema.TryGetPropertyValue(keyword, out var value))
        {
            return;
        }

        schema.Remove(keyword);
        if (Sentence(keyword, value) is { } sentence)
        {
            Append(schema, sentence);
        }
    }

    /// <summary>Adds <paramref name="sentence"/> to the end of the schema's description (creating it if needed).</summary>
    public static void Append(JsonObject schema, string sentence)
    {
        var existing = SchemaNodes.String(schema, "description");
        if (existing is not null && existing.Contains(sentence, StringComparison.Ordinal))
        {
            return;
        }

        schema["description"] = string.IsNullOrWhiteSpace(existing)
            ? sentence
            : existing.TrimEnd() + (EndsSentence(existing) ? " " : ". ") + sentence;
    }

    /// <summary>What a keyword requires, in words; null when it requires nothing worth saying.</summary>
    public static string? Sentence(string keyword, JsonNode? value)
    {
        var text = SchemaNodes.ToText(value);
        var plain = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : text;
        return keyword switch
        {
            "format" => $"Format: {plain}.",
            "default" => $"Default: {text}.",
            "minimum" => $"Minimum: {text}.",
            "maximum" => $"Maximum: {text}.",
            "exclusiveMinimum" => $"Must be greater than {text}.",
            "exclusiveMaximum" => $"Must be less than {text}.",
            "multipleOf" => $"Must be a multiple of {text}.",
            "minLength" => text == "1" ? "Must not be empty." : $"At least {text} characters.",
            "maxLength" => $"At most {text} characters.",
            "pattern" => $"Must match the regular expression {plain}.",
            "minItems" => text == "1" ? "At least one item." : $"At least {text} items.",
            "maxItems" => $"At most {text} items.",
            "uniqueItems" => value?.GetValueKind() == System.Text.Json.JsonValueKind.True ? "Items must be unique." : null,
            "minProperties" => $"At least {text} properties.",
            "maxProperties" => $"At most {text} properties.",
            "additionalProperties" => value?.GetValueKind() switch
            {
                System.Text.Json.JsonValueKind.False => "No properties other than those listed.",
                System.Text.Json.JsonValueKind.True => null,
                _ => $"Other properties must match {text}.",
            },
            "enum" => $"One of: {OneOf(value)}.",
            "const" => $"Must be {text}.",
            "allOf" => $"Must also match all of {text}.",
            "oneOf" => $"Must match exactly one of {text}.",
            "not" => $"Must not match {text}.",
            "examples" => $"Examples: {text}.",
            "deprecated" => value?.GetValueKind() == System.Text.Json.JsonValueKind.True ? "Deprecated." : null,
            "$comment" or "$schema" or "$id" or "$anchor" or "$dynamicAnchor" => null,
            _ => $"JSON Schema rule {keyword}: {text}.",
        };
    }

    private static string OneOf(JsonNode? values) =>
        values is JsonArray array ? string.Join(", ", array.Select(SchemaNodes.ToText)) : SchemaNodes.ToText(values);

    private static bool EndsSentence(string text) => text.TrimEnd() is { Length: > 0 } trimmed && trimmed[^1] is '.' or '!' or '?' or ':';
}
