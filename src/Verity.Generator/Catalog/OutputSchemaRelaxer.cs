using System;
using System.Collections.Generic;
using System.Text;
using Verity.Generator.Json;

namespace Verity.Generator.Catalog;

/// <summary>
/// Turns a response schema into the output schema a tool declares. Clients validate every result against it, so it
/// keeps the shape (types, nullability, properties, required, items, references, combinators, descriptions) and lets
/// go of what a live API outgrows without breaking its callers: <c>enum</c>/<c>const</c> and <c>format</c> move into
/// the description, <c>additionalProperties: false</c> and value bounds (pattern, lengths, ranges, item counts) are
/// dropped, and <c>oneOf</c> becomes <c>anyOf</c> (branches told apart only by what was dropped would all match).
/// </summary>
internal static class OutputSchemaRelaxer
{
    private const int MaxDepth = 64;

    // Kept as they are: annotations, and keywords whose value is not a schema.
    private static readonly HashSet<string> Verbatim = new(StringComparer.Ordinal)
    {
        "type", "required", "$ref", "title", "default", "examples", "deprecated", "readOnly", "writeOnly", "$comment",
    };

    public static JNode Relax(JNode schema) => Relax(schema, 0);

    private static JNode Relax(JNode schema, int depth)
    {
        if (schema is not JObject obj || depth > MaxDepth)
        {
            return schema;
        }

        var kept = new List<JProperty>(obj.Properties.Count + 1);
        JString? description = null;
        var descriptionIndex = -1;
        JNode? enumValues = null;
        JNode? constValue = null;
        string? format = null;
        foreach (var property in obj.Properties)
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "description" when value is JString text:
                    description = text;
                    descriptionIndex = kept.Count;
                    break;
                case "enum":
                    enumValues = value;
                    break;
                case "const":
                    constValue = value;
                    break;
                case "format" when value is JString text:
                    format = text.Value;
                    break;
                case "properties" when value is JObject members:
                    kept.Add(With(property, RelaxMembers(members, depth)));
                    break;
                case "items":
                case "additionalProperties" when value is JObject:
                    kept.Add(With(property, RelaxEach(value, depth)));
                    break;
                case "allOf" or "anyOf" when value is JArray:
                    kept.Add(With(property, RelaxEach(value, depth)));
                    break;
                case "oneOf" when value is JArray:
                    kept.Add(new JProperty("anyOf", property.NameStart, property.NameEnd, RelaxEach(value, depth)));
                    break;
                default:
                    if (Verbatim.Contains(property.Name))
                    {
                        kept.Add(property);
                    }

                    break;
            }
        }

        if (obj.Get("type") is null && obj.Get("$ref") is null && !HasCombinator(obj)
            && InferType(enumValues is JArray values ? values.Items : constValue is null ? null : new List<JNode> { constValue }) is { } inferred)
        {
            kept.Insert(0, new JProperty("type", 0, 0, inferred));
            descriptionIndex = descriptionIndex < 0 ? -1 : descriptionIndex + 1;
        }

        var said = Describe(description?.Value, enumValues, constValue, format);
        if (said is not null)
        {
            var described = new JProperty("description", 0, 0, new JString(description?.Start ?? 0, description?.End ?? 0, said));
            if (descriptionIndex < 0)
            {
                kept.Add(described);
            }
            else
            {
                kept.Insert(descriptionIndex, described);
            }
        }

        return new JObject(obj.Start, obj.End, kept);
    }

    private static JProperty With(JProperty property, JNode value) => new(property.Name, property.NameStart, property.NameEnd, value);

    private static JObject RelaxMembers(JObject members, int depth)
    {
        var relaxed = new List<JProperty>(members.Properties.Count);
        foreach (var member in members.Properties)
        {
            relaxed.Add(With(member, Relax(member.Value, depth + 1)));
        }

        return new JObject(members.Start, members.End, relaxed);
    }

    private static JNode RelaxEach(JNode value, int depth)
    {
        if (value is not JArray array)
        {
            return Relax(value, depth + 1);
        }

        var items = new List<JNode>(array.Items.Count);
        foreach (var item in array.Items)
        {
            items.Add(Relax(item, depth + 1));
        }

        return new JArray(array.Start, array.End, items);
    }

    private static bool HasCombinator(JObject obj) => obj.Get("oneOf") is not null || obj.Get("anyOf") is not null || obj.Get("allOf") is not null;

    /// <summary>The type the dropped <c>enum</c>/<c>const</c> values had, so the shape stays said.</summary>
    private static JNode? InferType(List<JNode>? values)
    {
        if (values is null || values.Count == 0)
        {
            return null;
        }

        var types = new List<string>();
        foreach (var value in values)
        {
            var type = value switch
            {
                JString => "string",
                JNumber number => number.IsInteger ? "integer" : "number",
                JBool => "boolean",
                JNull => "null",
                JArray => "array",
                _ => "object",
            };
            if (!types.Contains(type))
            {
                types.Add(type);
            }
        }

        if (types.Contains("number"))
        {
            types.Remove("integer");
        }

        if (types.Count == 1)
        {
            return new JString(0, 0, types[0]);
        }

        var items = new List<JNode>(types.Count);
        foreach (var type in types)
        {
            items.Add(new JString(0, 0, type));
        }

        return new JArray(0, 0, items);
    }

    private static string? Describe(string? description, JNode? enumValues, JNode? constValue, string? format)
    {
        if (enumValues is not JArray && constValue is null && format is null)
        {
            return description;
        }

        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(description))
        {
            text.Append(description!.TrimEnd());
            if (text[text.Length - 1] is not ('.' or '!' or '?'))
            {
                text.Append('.');
            }
        }

        if (enumValues is JArray values && values.Items.Count > 0)
        {
            Sentence(text, values.Items.Count == 1 ? "Known value: " : "Known values: ");
            for (var i = 0; i < values.Items.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(", ");
                }

                AppendValue(text, values.Items[i]);
            }

            text.Append('.');
        }

        if (constValue is not null)
        {
            Sentence(text, "Known value: ");
            AppendValue(text, constValue);
            text.Append('.');
        }

        if (format is not null)
        {
            Sentence(text, "Format: ").Append(format).Append('.');
        }

        return text.Length == 0 ? null : text.ToString();
    }

    private static StringBuilder Sentence(StringBuilder text, string start) => (text.Length > 0 ? text.Append(' ') : text).Append(start);

    private static void AppendValue(StringBuilder text, JNode value)
    {
        switch (value)
        {
            case JString s:
                text.Append(s.Value);
                break;
            case JNumber n:
                text.Append(n.Text);
                break;
            case JBool b:
                text.Append(b.Value ? "true" : "false");
                break;
            case JNull:
                text.Append("null");
                break;
            case JArray array:
                text.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    AppendJson(text, array.Items[i]);
                }

                text.Append(']');
                break;
            case JObject:
                AppendJson(text, value);
                break;
        }
    }

    private static void AppendJson(StringBuilder text, JNode value)
    {
        switch (value)
        {
            case JString s:
                text.Append('"').Append(s.Value.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                break;
            case JObject obj:
                text.Append('{');
                for (var i = 0; i < obj.Properties.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    AppendJson(text, new JString(0, 0, obj.Properties[i].Name));
                    text.Append(':');
                    AppendJson(text, obj.Properties[i].Value);
                }

                text.Append('}');
                break;
            default:
                AppendValue(text, value);
                break;
        }
    }
}
