using System.Collections.Generic;
using Verity.Generator.Json;

namespace Verity.Generator.Catalog;

/// <summary>
/// Writes a tool's input and output schemas as self-contained JSON: every keyword the catalog gives, with
/// <c>#/components/schemas/X</c> references rewritten to <c>#/$defs/X</c> and the referenced schemas copied there.
/// </summary>
internal sealed class ToolSchemaBuilder
{
    private const string ComponentPrefix = "#/components/schemas/";

    private readonly CatalogParser _parser;

    // Each component is copied into the $defs of every tool that uses it; render it once per catalog.
    private readonly Dictionary<string, string> _renderedDefinitions = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _componentReferences = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _outputsByReference = new(System.StringComparer.Ordinal);

    public ToolSchemaBuilder(CatalogParser parser)
    {
        _parser = parser;
    }

    /// <summary>One property of the input schema.</summary>
    public sealed class Argument
    {
        public Argument(string name, JNode? schema, string? description)
        {
            Name = name;
            Schema = schema;
            Description = description;
        }

        public string Name { get; }

        public JNode? Schema { get; }

        public string? Description { get; }
    }

    public string BuildInput(List<Argument> arguments, List<string> required)
    {
        var definitions = new List<string>();
        foreach (var argument in arguments)
        {
            CollectReferences(argument.Schema, definitions);
        }

        var writer = new JsonTextWriter();
        writer.StartObject();
        writer.PropertyName("type");
        writer.String("object");
        writer.PropertyName("properties");
        writer.StartObject();
        foreach (var argument in arguments)
        {
            writer.PropertyName(argument.Name);
            WriteArgument(writer, argument);
        }

        writer.EndObject(arguments.Count == 0);
        if (required.Count > 0)
        {
            writer.PropertyName("required");
            writer.StringList(required);
        }

        writer.PropertyName("additionalProperties");
        writer.Bool(false);
        WriteDefinitions(writer, definitions);
        writer.EndObject(empty: false);
        return writer.ToString();
    }

    /// <summary>The output schema, or null when the response is not a JSON object (MCP wants an object there).</summary>
    public string? BuildOutput(JNode? schema)
    {
        // Many endpoints answer with the same component (e.g. {"$ref": "#/components/schemas/Call"}): build it once.
        if (schema is JObject { Properties.Count: 1 } single && single.Properties[0] is { Name: "$ref", Value: JString reference })
        {
            if (!_outputsByReference.TryGetValue(reference.Value, out var cached))
            {
                cached = BuildOutputUncached(schema);
                _outputsByReference[reference.Value] = cached;
            }

            return cached;
        }

        return BuildOutputUncached(schema);
    }

    private string? BuildOutputUncached(JNode? schema)
    {
        var root = schema;
        for (var hops = 0; hops < 16 && root is JObject obj && obj.Get("$ref") is JString next; hops++)
        {
            root = _parser.ResolveReference(next.Value)?.Node;
        }

        if (root is not JObject rootObject || TypeResolver.IsNullable(rootObject) || TypeResolver.SingleType(rootObject) != "object")
        {
            return null;
        }

        var definitions = new List<string>();
        CollectReferences(rootObject, definitions);
        var writer = new JsonTextWriter();
        writer.StartObject();
        foreach (var property in rootObject.Properties)
        {
            writer.PropertyName(property.Name);
            if (property.Name == "$ref" && property.Value is JString text)
            {
                writer.String(Rewrite(text.Value));
            }
            else
            {
                writer.Node(property.Value, Rewrite);
            }
        }

        WriteDefinitions(writer, definitions);
        writer.EndObject(rootObject.Properties.Count == 0 && definitions.Count == 0);
        return writer.ToString();
    }

    private static void WriteArgument(JsonTextWriter writer, Argument argument)
    {
        if (argument.Schema is not JObject schema)
        {
            writer.StartObject();
            if (argument.Schema is null)
            {
                writer.PropertyName("type");
                writer.String("string");
            }

            if (argument.Description is not null)
            {
                writer.PropertyName("description");
                writer.String(argument.Description);
            }

            writer.EndObject(argument.Schema is not null && argument.Description is null);
            return;
        }

        if (argument.Description is null)
        {
            writer.Node(schema, Rewrite);
            return;
        }

        // The parameter's description describes the argument better than its schema's.
        writer.StartObject();
        writer.PropertyName("description");
        writer.String(argument.Description);
        foreach (var property in schema.Properties)
        {
            if (property.Name == "description")
            {
                continue;
            }

            writer.PropertyName(property.Name);
            if (property.Name == "$ref" && property.Value is JString reference)
            {
                writer.String(Rewrite(reference.Value));
            }
            else
            {
                writer.Node(property.Value, Rewrite);
            }
        }

        writer.EndObject(empty: false);
    }

    private void WriteDefinitions(JsonTextWriter writer, List<string> definitions)
    {
        if (definitions.Count == 0)
        {
            return;
        }

        writer.PropertyName("$defs");
        writer.StartObject();
        foreach (var name in definitions)
        {
            writer.PropertyName(name);
            var key = name + "\n" + writer.CurrentIndent.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!_renderedDefinitions.TryGetValue(key, out var rendered))
            {
                var node = _parser.ResolveReference(ComponentPrefix + EscapePointer(name))?.Node;
                var definition = new JsonTextWriter(writer.CurrentIndent, 512);
                if (node is null)
                {
                    definition.StartObject();
                    definition.EndObject(empty: true);
                }
                else
                {
                    definition.Node(node, Rewrite);
                }

                rendered = definition.ToString();
                _renderedDefinitions[key] = rendered;
            }

            writer.Preformatted(rendered);
        }

        writer.EndObject(empty: false);
    }

    private void CollectReferences(JNode? node, List<string> definitions)
    {
        var direct = new List<string>();
        CollectDirectReferences(node, direct);
        foreach (var name in direct)
        {
            AddDefinition(name, definitions);
        }
    }

    private void AddDefinition(string name, List<string> definitions)
    {
        if (definitions.Contains(name))
        {
            return;
        }

        definitions.Add(name);
        if (!_componentReferences.TryGetValue(name, out var references))
        {
            references = new List<string>();
            CollectDirectReferences(_parser.ResolveReference(ComponentPrefix + EscapePointer(name))?.Node, references);
            _componentReferences[name] = references;
        }

        foreach (var reference in references)
        {
            AddDefinition(reference, definitions);
        }
    }

    /// <summary>The components a schema references itself, without following them.</summary>
    private void CollectDirectReferences(JNode? node, List<string> names)
    {
        switch (node)
        {
            case JObject obj:
                foreach (var property in obj.Properties)
                {
                    if (property.Name == "$ref" && property.Value is JString reference)
                    {
                        var component = _parser.ResolveReference(reference.Value);
                        if (component is not null && !names.Contains(component.Value.Name))
                        {
                            names.Add(component.Value.Name);
                        }
                    }
                    else if (property.Name is not ("enum" or "const" or "default" or "examples"))
                    {
                        CollectDirectReferences(property.Value, names);
                    }
                }

                break;
            case JArray array:
                foreach (var item in array.Items)
                {
                    CollectDirectReferences(item, names);
                }

                break;
        }
    }

    private static string Rewrite(string reference) =>
        reference.StartsWith(ComponentPrefix, System.StringComparison.Ordinal)
            ? "#/$defs/" + reference.Substring(ComponentPrefix.Length)
            : reference;

    public static string UnescapePointer(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    public static string EscapePointer(string name) => name.Replace("~", "~0").Replace("/", "~1");
}
