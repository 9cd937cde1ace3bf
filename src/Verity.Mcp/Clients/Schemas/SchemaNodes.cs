using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verity.Mcp.Clients.Schemas;

/// <summary>Reading and rewriting schemas as mutable <see cref="JsonObject"/>s.</summary>
internal static class SchemaNodes
{
    // Schemas are text a model reads: keep non-ASCII letters and '+' as they are (still valid JSON).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Parse(JsonElement schema) =>
        JsonNode.Parse(schema.GetRawText()) as JsonObject
        ?? throw new ArgumentException("A tool's input schema must be a JSON object.", nameof(schema));

    public static JsonElement ToElement(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }

    /// <summary>Compact JSON of a value, for descriptions.</summary>
    public static string ToText(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Rewrites every subschema of <paramref name="schema"/> first (deepest first), then <paramref name="schema"/>
    /// itself; <paramref name="rewrite"/> returns the node that takes the schema's place (often the same one).
    /// </summary>
    public static JsonObject RewriteBottomUp(JsonObject schema, Func<JsonObject, JsonObject> rewrite)
    {
        ForEachSubschemaSlot(schema, (get, set) => set(RewriteBottomUp(get(), rewrite)));
        return rewrite(schema);
    }

    /// <summary>Calls <paramref name="visit"/> on <paramref name="schema"/> and every subschema under it.</summary>
    public static void Visit(JsonObject schema, Action<JsonObject> visit)
    {
        visit(schema);
        ForEachSubschemaSlot(schema, (get, _) => Visit(get(), visit));
    }

    /// <summary>
    /// Calls <paramref name="slot"/> for each object subschema directly under <paramref name="schema"/>, with a getter
    /// and a setter that replaces it in place (boolean schemas are left alone).
    /// </summary>
    public static void ForEachSubschemaSlot(JsonObject schema, Action<Func<JsonObject>, Action<JsonObject>> slot)
    {
        foreach (var keyword in SchemaKeywords.SingleSubschemas)
        {
            if (schema[keyword] is JsonObject single)
            {
                slot(() => single, replacement => Replace(single, replacement, r => schema[keyword] = r));
            }
        }

        foreach (var keyword in SchemaKeywords.SubschemaMaps)
        {
            if (schema[keyword] is JsonObject map)
            {
                foreach (var name in map.Select(pair => pair.Key).ToArray())
                {
                    if (map[name] is JsonObject member)
                    {
                        slot(() => member, replacement => Replace(member, replacement, r => map[name] = r));
                    }
                }
            }
        }

        foreach (var keyword in SchemaKeywords.SubschemaArrays)
        {
            if (schema[keyword] is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    if (array[index] is JsonObject member)
                    {
                        slot(() => member, replacement => Replace(member, replacement, r => array[index] = r));
                    }
                }
            }
        }
    }

    /// <summary>The <c>type</c> keyword as a list (empty when absent or malformed).</summary>
    public static IReadOnlyList<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonValue value when value.TryGetValue<string>(out var single) => [single],
        JsonArray array => array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var text) ? text : null)
            .OfType<string>().ToArray(),
        _ => [],
    };

    public static bool HasType(JsonObject schema, string type) => Types(schema).Contains(type, StringComparer.Ordinal);

    public static string? String(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The JSON Schema type names a value has ("integer" values are numbers too).</summary>
    public static bool ValueHasType(JsonNode? value, string type) => (value?.GetValueKind() ?? JsonValueKind.Null, type) switch
    {
        (JsonValueKind.Null, "null") => true,
        (JsonValueKind.String, "string") => true,
        (JsonValueKind.True or JsonValueKind.False, "boolean") => true,
        (JsonValueKind.Array, "array") => true,
        (JsonValueKind.Object, "object") => true,
        (JsonValueKind.Number, "number") => true,
        (JsonValueKind.Number, "integer") => IsWholeNumber(value!),
        _ => false,
    };

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    /// <summary>A node that can be placed under a new parent: a node that has one already is cloned.</summary>
    public static JsonNode Reparent(JsonNode node) => node.Parent is null ? node : node.DeepClone();

    /// <summary>A new object with <paramref name="source"/>'s members, in order, each detached from the source.</summary>
    public static JsonObject CopyOf(JsonObject source, Func<string, bool>? keep = null)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in source)
        {
            if (keep is null || keep(key))
            {
                copy[key] = Clone(value);
            }
        }

        return copy;
    }

    private static void Replace(JsonObject current, JsonObject replacement, Action<JsonNode> set)
    {
        if (!ReferenceEquals(current, replacement))
        {
            set(Reparent(replacement));
        }
    }

    private static bool IsWholeNumber(JsonNode value) =>
        value is JsonValue number && number.TryGetValue<decimal>(out var d) ? decimal.Truncate(d) == d
        : value is JsonValue big && big.TryGetValue<double>(out var x) && Math.Floor(x) == x && !double.IsInfinity(x);
}
