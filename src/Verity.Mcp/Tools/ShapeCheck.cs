using System.Text.Json;

namespace Verity.Mcp.Tools;

/// <summary>
/// A yes/no check of a value against a schema that uses only shape keywords (<c>type</c>, <c>properties</c>,
/// <c>required</c>, <c>items</c>, <c>additionalProperties</c>, <c>$ref</c> to <c>#/$defs/…</c>, <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>,
/// <c>enum</c>/<c>const</c>, and annotations), as the generator's output schemas do. The schema is compiled once, so
/// checking every result costs a walk of the value and no allocation. It agrees with <see cref="ArgumentValidator"/>,
/// which stays the authority and says where and why a value does not match.
/// </summary>
internal sealed class ShapeCheck
{
    private const int MaxDepth = 64;

    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "description", "title", "default", "examples", "deprecated", "readOnly", "writeOnly", "$comment",
    };

    private readonly Node _root;

    private ShapeCheck(Node root)
    {
        _root = root;
    }

    /// <summary>The compiled check, or null when the schema uses a keyword this check does not know.</summary>
    public static ShapeCheck? TryCompile(JsonElement schema)
    {
        var definitions = new Dictionary<string, Node>(StringComparer.Ordinal);
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$defs", out var defs))
        {
            if (defs.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var definition in defs.EnumerateObject())
            {
                definitions[definition.Name] = new Node();
            }

            foreach (var definition in defs.EnumerateObject())
            {
                if (!Compile(definition.Value, definitions, definitions[definition.Name], isRoot: false))
                {
                    return null;
                }
            }
        }

        var root = new Node();
        return Compile(schema, definitions, root, isRoot: true) ? new ShapeCheck(root) : null;
    }

    public bool IsValid(JsonElement value) => Matches(_root, value, 0);

    private static bool Compile(JsonElement schema, Dictionary<string, Node> definitions, Node node, bool isRoot)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                node.Never = true;
                return true;
            case JsonValueKind.Object:
                break;
            default:
                return false;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            var known = keyword.Name switch
            {
                "type" => CompileType(value, node),
                "properties" => CompileProperties(value, definitions, node),
                "required" => CompileRequired(value, node),
                "items" => CompileChild(value, definitions, out node.Items),
                "additionalProperties" => CompileChild(value, definitions, out node.Additional),
                "$ref" => value.ValueKind == JsonValueKind.String && value.GetString()!.StartsWith("#/$defs/", StringComparison.Ordinal)
                    && definitions.TryGetValue(value.GetString()!["#/$defs/".Length..], out node.Reference),
                "allOf" => CompileBranches(value, definitions, out node.AllOf),
                "anyOf" => CompileBranches(value, definitions, out node.AnyOf),
                "oneOf" => CompileBranches(value, definitions, out node.OneOf),
                "enum" => value.ValueKind == JsonValueKind.Array && (node.Enum = [.. value.EnumerateArray()]) is not null,
                "const" => (node.Const = value) is not null,
                "$defs" => isRoot,
                _ => Annotations.Contains(keyword.Name),
            };
            if (!known)
            {
                return false;
            }
        }

        return true;
    }

    private static bool CompileType(JsonElement type, Node node)
    {
        if (type.ValueKind == JsonValueKind.String)
        {
            return AddType(type.GetString()!, node);
        }

        if (type.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        node.Types = Kinds.None;
        foreach (var item in type.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !AddType(item.GetString()!, node))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AddType(string type, Node node)
    {
        var kind = type switch
        {
            "string" => Kinds.String,
            "number" => Kinds.Number,
            "integer" => Kinds.Integer,
            "boolean" => Kinds.Boolean,
            "array" => Kinds.Array,
            "object" => Kinds.Object,
            "null" => Kinds.Null,
            _ => Kinds.None,
        };
        node.Types = node.Types == Kinds.Any ? kind : node.Types | kind;
        return kind != Kinds.None;
    }

    private static bool CompileProperties(JsonElement properties, Dictionary<string, Node> definitions, Node node)
    {
        if (properties.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var compiled = new List<KeyValuePair<string, Node>>();
        foreach (var property in properties.EnumerateObject())
        {
            if (!CompileChild(property.Value, definitions, out var child))
            {
                return false;
            }

            compiled.Add(new(property.Name, child!));
        }

        node.Properties = [.. compiled];
        return true;
    }

    private static bool CompileRequired(JsonElement required, Node node)
    {
        if (required.ValueKind != JsonValueKind.Array || required.EnumerateArray().Any(static name => name.ValueKind != JsonValueKind.String))
        {
            return false;
        }

        node.Required = [.. required.EnumerateArray().Select(static name => name.GetString()!)];
        return true;
    }

    private static bool CompileChild(JsonElement schema, Dictionary<string, Node> definitions, out Node? child)
    {
        child = new Node();
        return Compile(schema, definitions, child, isRoot: false);
    }

    private static bool CompileBranches(JsonElement branches, Dictionary<string, Node> definitions, out Node[]? nodes)
    {
        nodes = null;
        if (branches.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var compiled = new List<Node>(branches.GetArrayLength());
        foreach (var branch in branches.EnumerateArray())
        {
            if (!CompileChild(branch, definitions, out var child))
            {
                return false;
            }

            compiled.Add(child!);
        }

        nodes = [.. compiled];
        return true;
    }

    private static bool Matches(Node node, JsonElement value, int depth)
    {
        if (depth > MaxDepth || node.Never)
        {
            return false;
        }

        if (node.Reference is { } reference && !Matches(reference, value, depth + 1))
        {
            return false;
        }

        if (node.Types != Kinds.Any && (node.Types & KindOf(value)) == 0)
        {
            return false;
        }

        if ((node.Enum is { } values && !Contains(values, value)) || (node.Const is { } constant && !JsonElement.DeepEquals(constant, value)))
        {
            return false;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Array when node.Items is { } items:
                foreach (var item in value.EnumerateArray())
                {
                    if (!Matches(items, item, depth + 1))
                    {
                        return false;
                    }
                }

                break;
            case JsonValueKind.Object when !MatchesMembers(node, value, depth):
                return false;
        }

        return MatchesBranches(node, value, depth);
    }

    private static bool MatchesMembers(Node node, JsonElement value, int depth)
    {
        if (node.Required is { } required)
        {
            foreach (var name in required)
            {
                if (!value.TryGetProperty(name, out _))
                {
                    return false;
                }
            }
        }

        // By name lookups and NameEquals: reading member names as strings would allocate for every value checked.
        var properties = node.Properties ?? [];
        foreach (var (name, schema) in properties)
        {
            if (value.TryGetProperty(name, out var member) && !Matches(schema, member, depth + 1))
            {
                return false;
            }
        }

        if (node.Additional is { } additional)
        {
            foreach (var member in value.EnumerateObject())
            {
                if (!IsDeclared(properties, member) && !Matches(additional, member.Value, depth + 1))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsDeclared(KeyValuePair<string, Node>[] properties, JsonProperty member)
    {
        foreach (var (name, _) in properties)
        {
            if (member.NameEquals(name))
            {
                return true;
            }
        }

        return false;
    }

    // Loops, not LINQ: a lambda capturing the value would allocate its closure on every call of the method.
    private static bool MatchesBranches(Node node, JsonElement value, int depth)
    {
        if (node.AllOf is { } allOf && CountMatches(allOf, value, depth) != allOf.Length)
        {
            return false;
        }

        if (node.AnyOf is { } anyOf && CountMatches(anyOf, value, depth, stopAt: 1) == 0)
        {
            return false;
        }

        return node.OneOf is not { } oneOf || CountMatches(oneOf, value, depth, stopAt: 2) == 1;
    }

    private static int CountMatches(Node[] branches, JsonElement value, int depth, int stopAt = int.MaxValue)
    {
        var count = 0;
        foreach (var branch in branches)
        {
            if (Matches(branch, value, depth + 1) && ++count >= stopAt)
            {
                break;
            }
        }

        return count;
    }

    private static bool Contains(JsonElement[] values, JsonElement value)
    {
        foreach (var candidate in values)
        {
            if (JsonElement.DeepEquals(candidate, value))
            {
                return true;
            }
        }

        return false;
    }

    private static Kinds KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Kinds.String,
        JsonValueKind.Number => IsInteger(value) ? Kinds.Number | Kinds.Integer : Kinds.Number,
        JsonValueKind.True or JsonValueKind.False => Kinds.Boolean,
        JsonValueKind.Array => Kinds.Array,
        JsonValueKind.Object => Kinds.Object,
        JsonValueKind.Null => Kinds.Null,
        _ => Kinds.None,
    };

    // As ArgumentValidator counts integers: 3 and 3.0 are integers.
    private static bool IsInteger(JsonElement value) =>
        value.TryGetInt64(out _) || (value.TryGetDouble(out var number) && double.IsFinite(number) && number == Math.Floor(number));

    [Flags]
    private enum Kinds
    {
        None = 0,
        String = 1,
        Number = 2,
        Integer = 4,
        Boolean = 8,
        Array = 16,
        Object = 32,
        Null = 64,
        Any = -1,
    }

    private sealed class Node
    {
        public Kinds Types = Kinds.Any;
        public bool Never;
        public Node? Reference;
        public KeyValuePair<string, Node>[]? Properties;
        public string[]? Required;
        public Node? Items;
        public Node? Additional;
        public Node[]? AllOf;
        public Node[]? AnyOf;
        public Node[]? OneOf;
        public JsonElement[]? Enum;
        public JsonElement? Const;
    }
}
