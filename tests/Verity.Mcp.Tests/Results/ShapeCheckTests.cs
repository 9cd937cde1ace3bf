using System.Text.Json;
using System.Text.Json.Nodes;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Results;

/// <summary>The compiled shape check agrees with the argument validator, which names the mismatch.</summary>
public sealed class ShapeCheckTests
{
    private const string Combinators = """
        { "type": "object",
          "properties": {
            "either": { "anyOf": [ { "type": "string" }, { "type": "integer" } ] },
            "exactly": { "oneOf": [ { "type": "number" }, { "type": "integer" } ] },
            "both": { "allOf": [ { "type": "object", "required": ["a"] }, { "properties": { "a": { "type": ["string", "null"] } } } ] },
            "kind": { "enum": ["x", 1, null] },
            "fixed": { "const": { "v": [1, 2] } },
            "map": { "type": "object", "additionalProperties": { "type": "boolean" }, "properties": { "n": { "type": "integer" } } },
            "closed": { "type": "object", "properties": { "k": true }, "additionalProperties": false },
            "never": false,
            "tree": { "$ref": "#/$defs/Node" }
          },
          "$defs": { "Node": { "type": "object", "properties": { "children": { "type": "array", "items": { "$ref": "#/$defs/Node" } } } } } }
        """;

    [Theory]
    [InlineData(ResultSchemas.CallPageOutput)]
    [InlineData(ResultSchemas.WrappedTagsOutput)]
    [InlineData(Combinators)]
    public void It_agrees_with_the_argument_validator_on_random_values(string schemaText)
    {
        var schema = ResultSchemas.Parse(schemaText);
        var check = ShapeCheck.TryCompile(schema);
        Assert.NotNull(check);
        var validator = new ArgumentValidator(schema);
        var random = new Random(7);
        var valid = 0;

        foreach (var value in Samples(schemaText, random))
        {
            var expected = validator.ValidateValue(value, "$").Count == 0;
            Assert.True(expected == check.IsValid(value), $"{(expected ? "valid" : "invalid")} by the validator: {value.GetRawText()}");
            valid += expected ? 1 : 0;
        }

        Assert.InRange(valid, 20, 1980);
    }

    [Theory]
    [InlineData("""{ "type": "string", "format": "date-time" }""")]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "string", "pattern": "^a" } } }""")]
    [InlineData("""{ "type": "array", "minItems": 1 }""")]
    [InlineData("""{ "$ref": "#/$defs/Missing" }""")]
    [InlineData("""{ "$ref": "#/components/schemas/X" }""")]
    [InlineData("""{ "type": "thing" }""")]
    [InlineData("""{ "properties": { "a": { "$defs": {} } } }""")]
    public void A_schema_with_a_keyword_it_does_not_know_is_left_to_the_validator(string schema)
    {
        Assert.Null(ShapeCheck.TryCompile(ResultSchemas.Parse(schema)));
    }

    [Fact]
    public void A_contract_names_the_first_mismatch_and_nothing_for_a_match()
    {
        var contract = ResultSchemas.Contract(ResultSchemas.CallPageOutput);

        Assert.Null(contract.FirstMismatch(ResultSchemas.Parse("""{"data":[],"nextCursor":null}""")));
        Assert.Equal("$.data[0].status (type): must be a string, not an integer.",
            contract.FirstMismatch(ResultSchemas.Parse("""{"data":[{"id":"c","agentId":"a","toNumber":"+1","status":3,"createdAt":"t"}]}"""))!.ToString());
    }

    /// <summary>Values around the schema: a valid-looking base, then mutated at random.</summary>
    private static IEnumerable<JsonElement> Samples(string schemaText, Random random)
    {
        JsonNode Base() => schemaText switch
        {
            ResultSchemas.CallPageOutput => JsonNode.Parse("""
                {"data":[{"id":"c1","agentId":"a","toNumber":"+1","status":"queued","createdAt":"t","isTest":true,"durationSeconds":3},
                         {"id":"c2","agentId":"a","toNumber":"+2","status":"new","createdAt":"t","fromNumber":null}],"nextCursor":"n"}
                """)!,
            ResultSchemas.WrappedTagsOutput => JsonNode.Parse("""{"result":["a","b","c"]}""")!,
            _ => JsonNode.Parse("""
                {"either":"s","exactly":1.5,"both":{"a":null},"kind":1,"fixed":{"v":[1,2]},"map":{"n":1,"x":true},"closed":{"k":[]},
                 "tree":{"children":[{"children":[]},{}]}}
                """)!,
        };

        for (var i = 0; i < 2000; i++)
        {
            var node = Base();
            for (var m = random.Next(0, 3); m > 0; m--)
            {
                Mutate(node, random);
            }

            yield return JsonElement.Parse(node.ToJsonString());
        }
    }

    private static void Mutate(JsonNode root, Random random)
    {
        var containers = new List<JsonNode>();
        Collect(root, containers);
        var target = containers[random.Next(containers.Count)];
        JsonNode? replacement = random.Next(9) switch
        {
            0 => JsonValue.Create("text"),
            1 => JsonValue.Create(random.Next(-2, 3)),
            2 => JsonValue.Create(2.5),
            3 => JsonValue.Create(random.Next(2) == 0),
            4 => null,
            5 => new JsonArray(JsonValue.Create("x"), JsonValue.Create(1)),
            6 => new JsonObject { ["v"] = new JsonArray(1, 2) },
            7 => JsonValue.Create("x"),
            _ => new JsonObject(),
        };
        switch (target)
        {
            case JsonObject obj when obj.Count > 0 && random.Next(3) == 0:
                obj.Remove(obj.ElementAt(random.Next(obj.Count)).Key);
                break;
            case JsonObject obj when obj.Count > 0 && random.Next(2) == 0:
                obj[obj.ElementAt(random.Next(obj.Count)).Key] = replacement;
                break;
            case JsonObject obj:
                obj[random.Next(4) == 0 ? "never" : "extra" + random.Next(3)] = replacement;
                break;
            case JsonArray array when array.Count > 0 && random.Next(2) == 0:
                array[random.Next(array.Count)] = replacement;
                break;
            case JsonArray array:
                array.Add(replacement);
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> containers)
    {
        switch (node)
        {
            case JsonObject obj:
                containers.Add(obj);
                foreach (var (_, child) in obj)
                {
                    Collect(child, containers);
                }

                break;
            case JsonArray array:
                containers.Add(array);
                foreach (var child in array)
                {
                    Collect(child, containers);
                }

                break;
        }
    }
}
