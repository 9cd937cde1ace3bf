using System.Text;
using System.Text.Json;
using Verity.Mcp.Http;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Tools;

/// <summary>
/// A null or "" for an optional argument whose schema refuses it means "not given" (what strict-mode and Cursor
/// clients send for an unset argument); everything else is still checked by the schema.
/// </summary>
public sealed class ArgumentNormalizerTests
{
    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "id": { "type": "string", "minLength": 1 },
            "limit": { "type": "integer", "minimum": 1 },
            "status": { "$ref": "#/$defs/Status" },
            "kind": { "type": "string", "enum": ["a", "b"] },
            "from": { "type": "string", "format": "date-time" },
            "phone": { "type": "string", "pattern": "^\\+[0-9]+$" },
            "name": { "type": "string", "minLength": 1 },
            "q": { "type": "string", "maxLength": 20 },
            "email": { "type": ["string", "null"], "format": "email" },
            "note": { "anyOf": [{ "type": "string", "minLength": 1 }, { "type": "null" }] }
          },
          "required": ["id"],
          "additionalProperties": false,
          "$defs": { "Status": { "type": "string", "enum": ["open", "closed"] } }
        }
        """;

    private sealed class UpdateThingTool() : EndpointTool(Descriptor, Definition)
    {
        private static readonly EndpointDescriptor Descriptor = new("update_thing", "PATCH", "/things/{id}", false, false, null, false, []);

        private static readonly ToolDefinition Definition = new("Update a thing.", Schema, null, default);

        protected override ApiRequest BuildRequest(ToolArguments arguments)
        {
            var request = new ApiRequestBuilder(Descriptor).AppendLiteral("/things/").AppendSegment("id", ToolJson.ReadString(arguments.GetRequired("id")));
            foreach (var name in new[] { "limit", "status", "kind", "from", "q" })
            {
                if (arguments.TryGet(name, out var value))
                {
                    request.AddQuery(name, value.ValueKind == JsonValueKind.Number ? value.GetRawText() : ToolJson.ReadString(value));
                }
            }

            // A PATCH body: a present null is sent (it clears the field), an absent argument is left out.
            var body = new StringBuilder("{");
            foreach (var name in new[] { "phone", "name", "email", "note" })
            {
                if (arguments.TryGetPresent(name, out var value))
                {
                    body.Append(body.Length > 1 ? "," : "").Append('"').Append(name).Append("\":").Append(value.GetRawText());
                }
            }

            return request.SetJsonBody(Encoding.UTF8.GetBytes(body.Append('}').ToString())).Build();
        }
    }

    private static ArgumentNormalizer Normalizer()
    {
        var schema = JsonElement.Parse(Schema);
        return new ArgumentNormalizer(schema, new ArgumentValidator(schema));
    }

    private static Dictionary<string, JsonElement> Args(string json) =>
        JsonElement.Parse(json).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

    private static string Body(ApiRequest request) => Encoding.UTF8.GetString(request.JsonBody!.Value.Span);

    [Theory]
    [InlineData("limit")]
    [InlineData("status")]
    [InlineData("kind")]
    [InlineData("from")]
    [InlineData("phone")]
    [InlineData("name")]
    [InlineData("q")]
    public void A_null_that_the_schema_refuses_means_not_given(string name)
    {
        var normalized = Normalizer().Normalize(Args($$"""{ "id": "t1", "{{name}}": null }"""))!;

        Assert.Equal(["id"], normalized.Keys);
    }

    [Theory]
    [InlineData("limit")] // type
    [InlineData("status")] // enum behind a $ref
    [InlineData("kind")] // enum
    [InlineData("from")] // format
    [InlineData("phone")] // pattern
    [InlineData("name")] // minLength
    [InlineData("email")] // format, though null is allowed
    [InlineData("note")] // no anyOf branch takes ""
    public void An_empty_string_that_the_schema_refuses_means_not_given(string name)
    {
        var normalized = Normalizer().Normalize(Args($$"""{ "id": "t1", "{{name}}": "" }"""))!;

        Assert.Equal(["id"], normalized.Keys);
    }

    [Fact]
    public void A_null_or_empty_string_that_the_schema_accepts_is_kept()
    {
        var arguments = Args("""{ "id": "t1", "q": "", "email": null, "note": null }""");

        Assert.Same(arguments, Normalizer().Normalize(arguments));
    }

    [Fact]
    public void Required_and_unknown_arguments_are_left_to_the_validator()
    {
        var arguments = Args("""{ "id": "", "other": null, "limit": 0 }""");

        Assert.Same(arguments, Normalizer().Normalize(arguments));
    }

    [Fact]
    public void Unset_arguments_send_nothing_and_a_null_the_schema_allows_is_sent()
    {
        var request = new UpdateThingTool().CreateRequest(Args(
            """{ "id": "t1", "limit": null, "status": "", "kind": "", "from": "", "q": "", "phone": "", "name": null, "email": null, "note": "" }"""));

        Assert.Equal("/things/t1?q=", request.RelativeUri);
        Assert.Equal("""{"email":null}""", Body(request));
    }

    [Fact]
    public void Values_that_break_the_schema_are_still_refused_by_name()
    {
        var exception = Assert.Throws<ToolArgumentException>(() => new UpdateThingTool().CreateRequest(Args(
            """{ "id": "", "limit": 0, "status": "pending", "phone": "12", "name": null, "other": null }""")));

        Assert.Equal(
            ["id (minLength)", "id (path)", "limit (minimum)", "other (additionalProperties)", "phone (pattern)", "status (enum)"],
            exception.Errors.Select(e => $"{e.Argument} ({e.Rule})").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validation_alone_reads_unset_arguments_the_same_way()
    {
        Assert.Empty(new UpdateThingTool().ValidateArguments(Args("""{ "id": "t1", "limit": null, "from": "" }""")));
    }
}
