using Verity.Mcp.Clients;

namespace Verity.Mcp.Tests.Clients;

/// <summary>OpenAI strict function calling: closed objects, every property required (optional ones nullable), no format/default.</summary>
public sealed class OpenAiStrictInputSchemaTests
{
    [Fact]
    public void Objects_are_closed_optional_properties_nullable_and_refused_keywords_described()
    {
        ShapedSchema.AssertShape(ClientProfile.OpenAi, """
            {"type":"object","properties":{
              "contactId":{"type":"string","minLength":1},
              "email":{"type":"string","format":"email","maxLength":254},
              "limit":{"type":"integer","minimum":1,"default":20},
              "status":{"$ref":"#/$defs/Status"},
              "address":{"description":"Where.","$ref":"#/$defs/Address"},
              "metadata":{"type":"object","additionalProperties":{"type":"string"}},
              "filter":{"oneOf":[{"type":"string"},{"type":"integer"}]}},
             "required":["contactId"],"additionalProperties":false,
             "$defs":{
              "Status":{"type":"string","enum":["a","b"]},
              "Address":{"type":"object","required":["line1"],"properties":{"line1":{"type":"string","uniqueItems":false},"city":{"type":["string","null"]},"next":{"$ref":"#/$defs/Address"}}}}}
            """, """
            {"type":"object","properties":{
              "contactId":{"type":"string","minLength":1},
              "email":{"type":["string","null"],"maxLength":254,"description":"Format: email."},
              "limit":{"type":["integer","null"],"minimum":1,"description":"Default: 20."},
              "status":{"anyOf":[{"$ref":"#/$defs/Status"},{"type":"null"}]},
              "address":{"description":"Where.","anyOf":[{"$ref":"#/$defs/Address"},{"type":"null"}]},
              "metadata":{"type":["object","null"],"properties":{},"required":[],"additionalProperties":false,
                "description":"Free-form object: strict mode cannot describe its keys, so this client can only send it empty (the API takes any keys). Other properties must match {\"type\":\"string\"}."},
              "filter":{"anyOf":[{"type":"string"},{"type":"integer"},{"type":"null"}],"description":"Exactly one of these shapes applies."}},
             "required":["contactId","email","limit","status","address","metadata","filter"],"additionalProperties":false,
             "$defs":{
              "Status":{"type":"string","enum":["a","b"]},
              "Address":{"type":"object","required":["line1","city","next"],"properties":{"line1":{"type":"string"},"city":{"type":["string","null"]},
                "next":{"anyOf":[{"$ref":"#/$defs/Address"},{"type":"null"}]}},"additionalProperties":false}}}
            """);
    }

    [Fact]
    public void A_schema_with_no_type_is_written_as_the_values_strict_mode_can_describe()
    {
        ShapedSchema.AssertShape(ClientProfile.OpenAi, """
            {"type":"object","properties":{"anything":{"description":"Any value."}},"required":["anything"]}
            """, """
            {"type":"object","properties":{"anything":{"description":"Any value. Any JSON value; strict mode offers text, a number, true or false, null, or a list of those.",
              "anyOf":[{"type":"string"},{"type":"number"},{"type":"boolean"},{"type":"null"},
                {"type":"array","items":{"anyOf":[{"type":"string"},{"type":"number"},{"type":"boolean"},{"type":"null"}]}}]}},
             "required":["anything"],"additionalProperties":false}
            """);
    }
}
