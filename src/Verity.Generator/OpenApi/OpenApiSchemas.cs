using System;
using System.Collections.Generic;
using Verity.Generator.Catalog;
using Verity.Generator.Json;

namespace Verity.Generator.OpenApi;

/// <summary>Which way a schema is used: what the tool is given (input) or what the API answers (output).</summary>
internal enum SchemaDirection
{
    Input,
    Output,
}

/// <summary>
/// Turns OpenAPI schemas into the catalog's JSON Schema 2020-12 subset: 3.0's <c>nullable</c> becomes a type array
/// (or an <c>anyOf</c> with null), 3.0's boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> become numbers,
/// <c>example</c> becomes <c>examples</c> (inputs only), OpenAPI-only keywords (<c>discriminator</c>, <c>xml</c>,
/// <c>externalDocs</c>, <c>x-*</c>) are dropped. <c>readOnly</c> properties are left out of inputs and
/// <c>writeOnly</c> ones out of outputs: a component whose two views differ is published twice, as <c>Name</c>
/// (output) and <c>NameInput</c> (input), and references are pointed at the view of their direction.
/// </summary>
internal sealed class OpenApiSchemas
{
    private const string ComponentPrefix = "#/components/schemas/";
    private const int MaxDepth = 64;

    private readonly Dictionary<string, JNode> _raw = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _inputNames = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, JNode>> _translated = new();
    private readonly Dictionary<string, JNode> _translatedByName = new(StringComparer.Ordinal);

    public OpenApiSchemas(JObject? components)
    {
        if (components is not null)
        {
            foreach (var property in components.Properties)
            {
                _raw[property.Name] = property.Value;
            }
        }

        var differs = FindComponentsWhoseViewsDiffer();
        var taken = new HashSet<string>(_raw.Keys, StringComparer.Ordinal);
        foreach (var name in _raw.Keys)
        {
            if (differs.Contains(name))
            {
                var inputName = name + "Input";
                for (var n = 2; taken.Contains(inputName); n++)
                {
                    inputName = name + "Input" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                taken.Add(inputName);
                _inputNames[name] = inputName;
            }
        }

        foreach (var pair in _raw)
        {
            Publish(pair.Key, Convert(pair.Value, SchemaDirection.Output));
            if (_inputNames.TryGetValue(pair.Key, out var inputName))
            {
                Publish(inputName, Convert(pair.Value, SchemaDirection.Input));
            }
        }
    }

    /// <summary>The translated <c>components.schemas</c>, output views under their own names, input views beside them.</summary>
    public IReadOnlyList<KeyValuePair<string, JNode>> Components => _translated;

    /// <summary>A translated schema with its top-level <c>$ref</c>s followed (a few hops), or null.</summary>
    public JObject? Follow(JNode? schema)
    {
        for (var hops = 0; hops < 16 && schema is JObject obj && obj.Get("$ref") is JString reference; hops++)
        {
            schema = reference.Value.StartsWith(ComponentPrefix, StringComparison.Ordinal)
                && _translatedByName.TryGetValue(ToolSchemaBuilder.UnescapePointer(reference.Value.Substring(ComponentPrefix.Length)), out var target)
                ? target
                : null;
        }

        return schema as JObject;
    }

    public JNode Convert(JNode schema, SchemaDirection direction) => Convert(schema, direction, 0);

    private void Publish(string name, JNode schema)
    {
        _translated.Add(new KeyValuePair<string, JNode>(name, schema));
        _translatedByName[name] = schema;
    }

    private JNode Convert(JNode schema, SchemaDirection direction, int depth)
    {
        if (schema is not JObject obj || depth > MaxDepth)
        {
            return schema;
        }

        var properties = new List<JProperty>(obj.Properties.Count);
        var nullable = false;
        JProperty? exclusiveMinimum = null;
        JProperty? exclusiveMaximum = null;
        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.Properties)
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "nullable":
                    nullable = value is JBool { Value: true };
                    continue;
                case "discriminator" or "xml" or "externalDocs":
                    continue;
                case "example" or "examples" when direction == SchemaDirection.Output:
                    // Examples describe what to send; in an answer's schema they only lengthen every tools/list.
                    continue;
                case "example":
                    if (obj.Get("examples") is null)
                    {
                        properties.Add(Copy(property, "examples", Nodes.Array(value, new List<JNode> { value })));
                    }

                    continue;
                case "exclusiveMinimum" when value is JBool flag:
                    exclusiveMinimum = flag.Value ? property : null;
                    continue;
                case "exclusiveMaximum" when value is JBool flag:
                    exclusiveMaximum = flag.Value ? property : null;
                    continue;
                case "$ref" when value is JString reference:
                    properties.Add(Copy(property, property.Name, Nodes.String(value, Reference(reference.Value, direction))));
                    continue;
                case "properties" when value is JObject members:
                    properties.Add(Copy(property, property.Name, ConvertProperties(members, direction, depth, removed)));
                    continue;
                case "items" or "additionalProperties" or "not" or "contains" or "propertyNames" or "if" or "then" or "else" or "additionalItems" or "unevaluatedProperties" or "unevaluatedItems":
                    properties.Add(Copy(property, property.Name, Convert(value, direction, depth + 1)));
                    continue;
                case "oneOf" or "anyOf" or "allOf" or "prefixItems" when value is JArray branches:
                    properties.Add(Copy(property, property.Name, ConvertAll(branches, direction, depth)));
                    continue;
                case "$defs" or "definitions" or "patternProperties" or "dependentSchemas" when value is JObject map:
                    properties.Add(Copy(property, property.Name, ConvertMap(map, direction, depth)));
                    continue;
                default:
                    if (property.Name.StartsWith("x-", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    properties.Add(property);
                    continue;
            }
        }

        ApplyExclusive(properties, exclusiveMinimum, "minimum", "exclusiveMinimum");
        ApplyExclusive(properties, exclusiveMaximum, "maximum", "exclusiveMaximum");
        if (removed.Count > 0)
        {
            FilterRequired(properties, removed);
        }

        var converted = new JObject(obj.Start, obj.End, properties);
        return nullable ? MakeNullable(converted) : converted;
    }

    private JObject ConvertProperties(JObject members, SchemaDirection direction, int depth, HashSet<string> removed)
    {
        var list = new List<JProperty>(members.Properties.Count);
        foreach (var member in members.Properties)
        {
            if (member.Value is JObject schema && IsHidden(schema, direction))
            {
                removed.Add(member.Name);
                continue;
            }

            list.Add(Copy(member, member.Name, Convert(member.Value, direction, depth + 1)));
        }

        return new JObject(members.Start, members.End, list);
    }

    private JArray ConvertAll(JArray branches, SchemaDirection direction, int depth)
    {
        var items = new List<JNode>(branches.Items.Count);
        foreach (var branch in branches.Items)
        {
            items.Add(Convert(branch, direction, depth + 1));
        }

        return new JArray(branches.Start, branches.End, items);
    }

    private JObject ConvertMap(JObject map, SchemaDirection direction, int depth)
    {
        var list = new List<JProperty>(map.Properties.Count);
        foreach (var member in map.Properties)
        {
            list.Add(Copy(member, member.Name, Convert(member.Value, direction, depth + 1)));
        }

        return new JObject(map.Start, map.End, list);
    }

    private static bool IsHidden(JObject schema, SchemaDirection direction) =>
        schema.Get(direction == SchemaDirection.Input ? "readOnly" : "writeOnly") is JBool { Value: true };

    private string Reference(string reference, SchemaDirection direction)
    {
        if (direction == SchemaDirection.Input && reference.StartsWith(ComponentPrefix, StringComparison.Ordinal)
            && _inputNames.TryGetValue(ToolSchemaBuilder.UnescapePointer(reference.Substring(ComponentPrefix.Length)), out var inputName))
        {
            return ComponentPrefix + ToolSchemaBuilder.EscapePointer(inputName);
        }

        return reference;
    }

    /// <summary>3.0's <c>exclusiveMinimum: true</c> next to <c>minimum: 5</c> is 2020-12's <c>exclusiveMinimum: 5</c>.</summary>
    private static void ApplyExclusive(List<JProperty> properties, JProperty? flag, string bound, string exclusive)
    {
        if (flag is null)
        {
            return;
        }

        var index = properties.FindIndex(p => p.Name == bound);
        if (index >= 0)
        {
            properties[index] = Copy(properties[index], exclusive, properties[index].Value);
        }
    }

    private static void FilterRequired(List<JProperty> properties, HashSet<string> removed)
    {
        var index = properties.FindIndex(p => p.Name == "required");
        if (index < 0 || properties[index].Value is not JArray names)
        {
            return;
        }

        var kept = names.Items.FindAll(item => item is not JString name || !removed.Contains(name.Value));
        properties[index] = Copy(properties[index], "required", new JArray(names.Start, names.End, kept));
    }

    /// <summary>3.0's <c>nullable: true</c>: null joins the type (and the enum), or the schema becomes <c>anyOf</c> [it, null].</summary>
    private static JNode MakeNullable(JObject schema)
    {
        var properties = new List<JProperty>(schema.Properties);
        var typeIndex = properties.FindIndex(p => p.Name == "type");
        if (typeIndex >= 0)
        {
            var type = properties[typeIndex];
            switch (type.Value)
            {
                case JString single when single.Value != "null":
                    properties[typeIndex] = Copy(type, "type", Nodes.Array(single, new List<JNode> { single, Nodes.String(single, "null") }));
                    break;
                case JArray list when !list.Items.Exists(static item => item is JString { Value: "null" }):
                    properties[typeIndex] = Copy(type, "type", new JArray(list.Start, list.End, new List<JNode>(list.Items) { Nodes.String(list, "null") }));
                    break;
            }

            var enumIndex = properties.FindIndex(p => p.Name == "enum");
            if (enumIndex >= 0 && properties[enumIndex].Value is JArray values && !values.Items.Exists(static item => item is JNull))
            {
                properties[enumIndex] = Copy(properties[enumIndex], "enum", new JArray(values.Start, values.End, new List<JNode>(values.Items) { new JNull(values.End, values.End) }));
            }

            return new JObject(schema.Start, schema.End, properties);
        }

        if (schema.Get("$ref") is null && schema.Get("allOf") is null && schema.Get("oneOf") is null && schema.Get("anyOf") is null)
        {
            // No type and no combinator: any value is allowed already, null included.
            return schema;
        }

        // Annotations stay beside anyOf, so the description still describes the value.
        var outer = new List<JProperty>();
        var inner = new List<JProperty>();
        foreach (var property in properties)
        {
            (property.Name is "description" or "title" or "default" or "examples" or "deprecated" or "readOnly" or "writeOnly" ? outer : inner).Add(property);
        }

        var nullType = new Nodes(schema).Add("type", "null").Build();
        outer.Add(new JProperty("anyOf", schema.Start, schema.Start, Nodes.Array(schema, new List<JNode> { new JObject(schema.Start, schema.End, inner), nullType })));
        return new JObject(schema.Start, schema.End, outer);
    }

    private static JProperty Copy(JProperty source, string name, JNode value) => new(name, source.NameStart, source.NameEnd, value);

    /// <summary>Components whose input view (no readOnly) and output view (no writeOnly) differ, directly or through a reference.</summary>
    private HashSet<string> FindComponentsWhoseViewsDiffer()
    {
        var differs = new HashSet<string>(StringComparer.Ordinal);
        var references = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in _raw)
        {
            var names = new List<string>();
            if (Scan(pair.Value, names, 0))
            {
                differs.Add(pair.Key);
            }

            references[pair.Key] = names;
        }

        bool changed;
        do
        {
            changed = false;
            foreach (var pair in references)
            {
                if (!differs.Contains(pair.Key) && pair.Value.Exists(differs.Contains))
                {
                    differs.Add(pair.Key);
                    changed = true;
                }
            }
        }
        while (changed);

        return differs;
    }

    /// <summary>Whether the schema has a readOnly or writeOnly property itself; collects the components it references.</summary>
    private static bool Scan(JNode node, List<string> references, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        var found = false;
        switch (node)
        {
            case JObject obj:
                foreach (var property in obj.Properties)
                {
                    if (property.Name == "$ref" && property.Value is JString reference && reference.Value.StartsWith(ComponentPrefix, StringComparison.Ordinal))
                    {
                        references.Add(ToolSchemaBuilder.UnescapePointer(reference.Value.Substring(ComponentPrefix.Length)));
                    }
                    else if (property.Name == "properties" && property.Value is JObject members)
                    {
                        foreach (var member in members.Properties)
                        {
                            if (member.Value is JObject schema && (schema.Get("readOnly") is JBool { Value: true } || schema.Get("writeOnly") is JBool { Value: true }))
                            {
                                found = true;
                            }

                            found |= Scan(member.Value, references, depth + 1);
                        }
                    }
                    else if (property.Name is not ("enum" or "const" or "default" or "example" or "examples"))
                    {
                        found |= Scan(property.Value, references, depth + 1);
                    }
                }

                break;
            case JArray array:
                foreach (var item in array.Items)
                {
                    found |= Scan(item, references, depth + 1);
                }

                break;
        }

        return found;
    }
}
