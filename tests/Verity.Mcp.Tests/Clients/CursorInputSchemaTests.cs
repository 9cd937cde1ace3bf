using Verity.Mcp.Clients;

namespace Verity.Mcp.Tests.Clients;

/// <summary>
/// Cursor's argument check (cursor/cursor#3540): with <c>anyOf</c>, a variant's <c>type</c> must equal the value's
/// JavaScript type; otherwise <c>type</c> must equal it. The cursor profile writes schemas that check passes.
/// </summary>
public sealed class CursorInputSchemaTests
{
    [Fact]
    public void Top_level_type_arrays_become_anyOf_with_each_keyword_on_its_variant()
    {
        ShapedSchema.AssertShape(ClientProfile.Cursor, """
            {"type":"object","properties":{
              "contactId":{"description":"The contact's id.","type":"string","minLength":1},
              "email":{"type":["string","null"],"format":"email","maxLength":254},
              "count":{"description":"How many.","type":["integer","null"],"minimum":0,"default":5},
              "tags":{"type":"array","items":{"type":["string","null"]}}},
             "required":["contactId"],"additionalProperties":false}
            """, """
            {"type":"object","properties":{
              "contactId":{"description":"The contact's id.","type":"string","minLength":1},
              "email":{"anyOf":[{"type":"string","format":"email","maxLength":254},{"type":"null"}]},
              "count":{"description":"How many.","default":5,"anyOf":[{"type":"number","minimum":0,"multipleOf":1},{"type":"null"}]},
              "tags":{"type":"array","items":{"type":["string","null"]}}},
             "required":["contactId"],"additionalProperties":false}
            """);
    }

    [Fact]
    public void References_are_inlined_and_a_cycle_is_cut_with_a_description()
    {
        ShapedSchema.AssertShape(ClientProfile.Cursor, """
            {"type":"object","properties":{
              "status":{"description":"Only these.","$ref":"#/$defs/Status"},
              "state":{"type":["string","null"],"enum":["on","off",null]},
              "node":{"$ref":"#/$defs/Node"}},
             "$defs":{
              "Status":{"type":"string","enum":["a","b"],"description":"Lifecycle."},
              "Node":{"type":"object","properties":{"id":{"type":"string"},"parent":{"$ref":"#/$defs/Node"}}}}}
            """, """
            {"type":"object","properties":{
              "status":{"description":"Only these.","type":"string","enum":["a","b"]},
              "state":{"anyOf":[{"type":"string","enum":["on","off"]},{"type":"null"}]},
              "node":{"type":"object","properties":{"id":{"type":"string"},"parent":{"type":"object",
                "description":"A nested Node, with the same fields as the enclosing Node; its shape is cut here to keep the schema finite."}}}}}
            """);
    }

    [Fact]
    public void AnyOf_variants_get_one_plain_type_or_the_anyOf_is_moved_where_the_check_does_not_look()
    {
        ShapedSchema.AssertShape(ClientProfile.Cursor, """
            {"type":"object","properties":{
              "filter":{"anyOf":[{"type":"string"},{"type":"integer"}]},
              "kind":{"anyOf":[{"enum":["x","y"]},{"type":["boolean","null"]}]},
              "shape":{"description":"A shape.","anyOf":[{"type":"string"},{"properties":{"a":{}}}]}}}
            """, """
            {"type":"object","properties":{
              "filter":{"anyOf":[{"type":"string"},{"type":"number","multipleOf":1}]},
              "kind":{"anyOf":[{"type":"string","enum":["x","y"]},{"type":"boolean"},{"type":"null"}]},
              "shape":{"description":"A shape.","allOf":[{"anyOf":[{"type":"string"},{"properties":{"a":{}}}]}]}}}
            """);
    }

    [Fact]
    public void An_enum_that_admits_no_value_of_a_listed_type_drops_that_variant()
    {
        ShapedSchema.AssertShape(ClientProfile.Cursor, """
            {"type":"object","properties":{"size":{"type":["string","integer","null"],"enum":["small",2],"maxLength":9,"maximum":5}}}
            """, """
            {"type":"object","properties":{"size":{"anyOf":[{"type":"string","enum":["small"],"maxLength":9},{"type":"number","enum":[2],"maximum":5,"multipleOf":1}]}}}
            """);
    }

    [Fact]
    public void A_schema_with_nothing_cursor_would_refuse_is_left_alone() =>
        ShapedSchema.AssertUnchanged(ClientProfile.Cursor, """
            {"type":"object","properties":{"limit":{"type":"integer","minimum":1},"ids":{"type":"array","items":{"type":["integer","null"]}}},"additionalProperties":false}
            """);
}
