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

    /// <summary>The property a wrapped (non-object) answer is put under; the runtime wraps it the same way.</summary>
    public const string WrappedResultName = "result";

    private readonly CatalogContext _context;

    // Each component is copied into the $defs of every tool that uses it; render it once per catalog.
    private readonly Dictionary<string, string> _renderedDefinitions = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _componentReferences = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, OutputSchema?> _outputsByReference = new(System.StringComparer.Ordinal);

    public ToolSchemaBuilder(CatalogContext context)
    {
        _context = context;
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
        WriteDefinitions(writer, definitions, relaxed: false);
        writer.EndObject(empty: false);
        return writer.ToString();
    }

    /// <summary>
    /// The output schema (relaxed by <see cref="OutputSchemaRelaxer"/>), or null when the endpoint declares no response
    /// schema. MCP wants an object there: any other response schema is wrapped as the property <c>result</c>.
    /// </summary>
    public OutputSchema? BuildOutput(JNode? schema)
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

    /// <summary>An output schema's JSON, and whether it wraps a non-object answer as <c>result</c>.</summary>
    public sealed class OutputSchema
    {
        public OutputSchema(string json, bool wrapsResult)
        {
            Json = json;
            WrapsResult = wrapsResult;
        }

        public string Json { get; }

        public bool WrapsResult { get; }
    }

    private OutputSchema? BuildOutputUncached(JNode? schema)
    {
        if (schema is null)
        {
            return null;
        }

        var root = schema;
        for (var hops = 0; hops < 16 && root is JObject obj && obj.Get("$ref") is JString next; hops++)
        {
            root = _context.ResolveReference(next.Value)?.Node;
        }

        var definitions = new List<string>();
        var writer = new JsonTextWriter();
        writer.StartObject();
        var wraps = root is not JObject rootObject || TypeResolver.IsNullable(rootObject) || TypeResolver.SingleType(rootObject) != "object";
        if (wraps)
        {
            // As the MCP C# SDK does for a non-object return value: {"result": <the answer>}.
            CollectReferences(schema, definitions);
            writer.PropertyName("type");
            writer.String("object");
            writer.PropertyName("properties");
            writer.StartObject();
            writer.PropertyName(WrappedResultName);
            writer.Node(OutputSchemaRelaxer.Relax(schema), Rewrite);
            writer.EndObject(empty: false);
            writer.PropertyName("required");
            writer.StringList(new[] { WrappedResultName });
        }
        else
        {
            var relaxed = (JObject)OutputSchemaRelaxer.Relax(root!);
            CollectReferences(relaxed, definitions);
            foreach (var property in relaxed.Properties)
            {
                writer.PropertyName(property.Name);
                writer.Node(property.Value, Rewrite);
            }
        }

        WriteDefinitions(writer, definitions, relaxed: true);
        writer.EndObject(empty: false);
        return new OutputSchema(writer.ToString(), wraps);
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

    /// <param name="relaxed">Output schemas carry their definitions relaxed, like the rest of the schema.</param>
    private void WriteDefinitions(JsonTextWriter writer, List<string> definitions, bool relaxed)
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
            var key = (relaxed ? "output\n" : "input\n") + name + "\n" + writer.CurrentIndent.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!_renderedDefinitions.TryGetValue(key, out var rendered))
            {
                var node = _context.ResolveReference(ComponentPrefix + EscapePointer(name))?.Node;
                var definition = new JsonTextWriter(writer.CurrentIndent, 512);
                if (node is null)
                {
                    definition.StartObject();
                    definition.EndObject(empty: true);
                }
                else
                {
                    definition.Node(relaxed ? OutputSchemaRelaxer.Relax(node) : node, Rewrite);
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
            CollectDirectReferences(_context.ResolveReference(ComponentPrefix + EscapePointer(name))?.Node, references);
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
                        var component = _context.ResolveReference(reference.Value);
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
