using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verity.Generator.Tests.Infrastructure;

/// <summary>
/// Deterministic bad inputs derived from a valid catalog: valid JSON of the wrong shape (each value swapped for
/// one of another kind, each property removed), random edits of the text, random bytes and random JSON tokens.
/// The same seed always gives the same inputs, so a failure can be replayed from its label.
/// </summary>
public static class CatalogMutations
{
    private static readonly JsonDocumentOptions Jsonc = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ":", ",", "\"", "\"api\"", "\"name\"", "\"endpoints\"", "\"method\"", "\"GET\"", "\"POST\"",
        "\"path\"", "\"/a/{id}\"", "\"/a/{\"", "\"{id}\"", "\"summary\"", "\"parameters\"", "\"in\"", "\"query\"",
        "\"schema\"", "\"type\"", "\"string\"", "\"array\"", "\"object\"", "\"items\"", "\"properties\"", "\"$ref\"",
        "\"#/components/schemas/X\"", "\"components\"", "\"schemas\"", "\"X\"", "\"body\"", "\"enum\"", "\"required\"",
        "true", "false", "null", "0", "-1", "1e400", "0.5", "\"\\u0000\"", "\"\\ud800\"", "\"\\\"\"", "//", "/*", "*/",
        "\n", " ", "\t", "\"class\"", "\"2fa\"", "\"é\"",
    ];

    /// <summary>One valid-JSON variant per node (the node replaced by a value of another kind) and per property (removed).</summary>
    public static IEnumerable<(string Label, string Text)> WrongShapes(string catalogText)
    {
        var nodeCount = Walk(Parse(catalogText)).Count;
        JsonNode?[] replacements = [null, JsonValue.Create(42), JsonValue.Create("text"), JsonValue.Create(true), new JsonArray(), new JsonObject()];
        for (var index = 1; index < nodeCount; index++)
        {
            var replacement = replacements[index % replacements.Length];
            var (root, target) = Find(catalogText, index);
            var path = target.GetPath();
            if (Replace(target, replacement?.DeepClone()))
            {
                yield return ($"node {index} ({path}) -> {replacement?.ToJsonString() ?? "null"}", root.ToJsonString());
            }

            (root, target) = Find(catalogText, index);
            if (target.Parent is JsonObject owner)
            {
                var label = $"node {index} ({target.GetPath()}) removed";
                owner.Remove(target.GetPropertyName());
                yield return (label, root.ToJsonString());
            }
        }
    }

    /// <summary><paramref name="count"/> copies of the text, each with a few random deletions, insertions and duplications.</summary>
    public static IEnumerable<(string Label, string Text)> RandomEdits(string text, int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var builder = new StringBuilder(text);
            var edits = random.Next(1, 6);
            for (var e = 0; e < edits && builder.Length > 0; e++)
            {
                var at = random.Next(builder.Length);
                switch (random.Next(4))
                {
                    case 0:
                        builder.Remove(at, Math.Min(random.Next(1, 40), builder.Length - at));
                        break;
                    case 1:
                        builder.Insert(at, Tokens[random.Next(Tokens.Length)]);
                        break;
                    case 2:
                        var length = Math.Min(random.Next(1, 200), builder.Length - at);
                        builder.Insert(random.Next(builder.Length), builder.ToString(at, length));
                        break;
                    default:
                        builder[at] = (char)random.Next(0, 0x3000);
                        break;
                }
            }

            yield return ($"edit seed {seed} #{i}", builder.ToString());
        }
    }

    /// <summary>Random bytes read as UTF-8 (invalid sequences become U+FFFD), as the compiler would read such a file.</summary>
    public static IEnumerable<(string Label, string Text)> RandomBytes(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var bytes = new byte[random.Next(0, 2048)];
            random.NextBytes(bytes);
            yield return ($"bytes seed {seed} #{i}", Encoding.UTF8.GetString(bytes));
        }
    }

    /// <summary>Random sequences of JSON punctuation, catalog keywords and odd literals: reach deeper than random bytes.</summary>
    public static IEnumerable<(string Label, string Text)> RandomTokens(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var builder = new StringBuilder("{ \"api\": { \"name\": \"Fuzz\" }, \"endpoints\": [");
            var tokens = random.Next(0, 300);
            for (var t = 0; t < tokens; t++)
            {
                builder.Append(Tokens[random.Next(Tokens.Length)]);
            }

            yield return ($"tokens seed {seed} #{i}", builder.ToString());
        }
    }

    private static JsonNode Parse(string text) => JsonNode.Parse(text, documentOptions: Jsonc)!;

    private static (JsonNode Root, JsonNode Target) Find(string text, int index)
    {
        var root = Parse(text);
        return (root, Walk(root)[index]);
    }

    /// <summary>Every non-null node in document order (null values cannot be addressed as nodes and are skipped).</summary>
    private static List<JsonNode> Walk(JsonNode root)
    {
        var nodes = new List<JsonNode>();
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            nodes.Add(node);
            IEnumerable<JsonNode?> children = node switch
            {
                JsonObject obj => obj.Select(pair => pair.Value),
                JsonArray array => array,
                _ => [],
            };
            foreach (var child in children.Reverse())
            {
                if (child is not null)
                {
                    stack.Push(child);
                }
            }
        }

        return nodes;
    }

    private static bool Replace(JsonNode target, JsonNode? replacement)
    {
        if (replacement?.GetValueKind() == target.GetValueKind())
        {
            return false;
        }

        switch (target.Parent)
        {
            case JsonObject owner:
                owner[target.GetPropertyName()] = replacement;
                return true;
            case JsonArray array:
                array[target.GetElementIndex()] = replacement;
                return true;
            default:
                return false;
        }
    }
}
