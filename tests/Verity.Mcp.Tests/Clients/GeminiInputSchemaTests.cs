using Verity.Mcp.Clients;

namespace Verity.Mcp.Tests.Clients;

/// <summary>Gemini's function declarations: one type with <c>nullable</c>, no references, Gemini's keywords only.</summary>
public sealed class GeminiInputSchemaTests
{
    [Fact]
    public void Type_arrays_references_and_unknown_keywords_become_what_gemini_takes()
    {
        ShapedSchema.AssertShape(ClientProfile.Gemini, """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{
              "email":{"type":["string","null"],"format":"email","maxLength":254},
              "when":{"type":"string","format":"date-time"},
              "status":{"description":"Only these.","$ref":"#/$defs/Status"},
              "ratio":{"type":"number","exclusiveMinimum":0,"multipleOf":0.05},
              "level":{"type":"integer","enum":[1,2,3]},
              "kind":{"const":"fixed"},
              "filter":{"oneOf":[{"type":"string"},{"type":"integer","format":"int64"}]},
              "either":{"type":["string","integer"],"maxLength":5},
              "tags":{"type":"array","items":{"type":"string","format":"uuid"},"uniqueItems":true}},
             "additionalProperties":false,
             "$defs":{"Status":{"type":"string","enum":["a","b"]}}}
            """, """
            {"type":"object","properties":{
              "email":{"type":"string","maxLength":254,"nullable":true,"description":"Format: email."},
              "when":{"type":"string","format":"date-time"},
              "status":{"description":"Only these.","type":"string","enum":["a","b"]},
              "ratio":{"type":"number","description":"Must be greater than 0. Must be a multiple of 0.05."},
              "level":{"type":"integer","description":"One of: 1, 2, 3."},
              "kind":{"type":"string","enum":["fixed"]},
              "filter":{"anyOf":[{"type":"string"},{"type":"integer","format":"int64"}],"description":"Exactly one of these shapes applies."},
              "either":{"anyOf":[{"type":"string","maxLength":5},{"type":"integer"}]},
              "tags":{"type":"array","items":{"type":"string","description":"Format: uuid."},"description":"Items must be unique."}},
             "description":"No properties other than those listed."}
            """);
    }

    [Fact]
    public void A_nullable_enum_keeps_its_strings_and_says_nullable()
    {
        ShapedSchema.AssertShape(ClientProfile.Gemini, """
            {"type":"object","properties":{"state":{"type":["string","null"],"enum":["on","off",null]}}}
            """, """
            {"type":"object","properties":{"state":{"type":"string","enum":["on","off"],"nullable":true}}}
            """);
    }

    [Fact]
    public void A_schema_that_only_admits_null_says_nullable_as_gemini_has_no_null_type()
    {
        ShapedSchema.AssertShape(ClientProfile.Gemini, """
            {"type":"object","properties":{"cleared":{"description":"Always null.","type":"null"}}}
            """, """
            {"type":"object","properties":{"cleared":{"description":"Always null.","nullable":true}}}
            """);
    }

    [Fact]
    public void A_cycle_is_cut_and_all_of_is_merged()
    {
        ShapedSchema.AssertShape(ClientProfile.Gemini, """
            {"type":"object","properties":{"node":{"$ref":"#/$defs/Node"},"both":{"allOf":[{"type":"object","properties":{"a":{"type":"string"}}},{"required":["a"]}]}},
             "$defs":{"Node":{"type":"object","properties":{"children":{"type":"array","items":{"$ref":"#/$defs/Node"}}}}}}
            """, """
            {"type":"object","properties":{
              "node":{"type":"object","properties":{"children":{"type":"array","items":{"type":"object",
                "description":"A nested Node, with the same fields as the enclosing Node; its shape is cut here to keep the schema finite."}}}},
              "both":{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}}}
            """);
    }
}
