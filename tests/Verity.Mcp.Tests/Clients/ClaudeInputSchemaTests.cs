using Verity.Mcp.Clients;

namespace Verity.Mcp.Tests.Clients;

/// <summary>Claude refuses <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c> at the top of an input schema.</summary>
public sealed class ClaudeInputSchemaTests
{
    [Fact]
    public void A_top_level_allOf_of_objects_is_merged()
    {
        ShapedSchema.AssertShape(ClientProfile.Claude, """
            {"allOf":[{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]},{"properties":{"b":{"type":"integer"}}}]}
            """, """
            {"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}},"required":["a"]}
            """);
    }

    [Fact]
    public void A_top_level_oneOf_becomes_one_object_and_the_description_names_the_combinations()
    {
        ShapedSchema.AssertShape(ClientProfile.Claude, """
            {"type":"object","properties":{"dryRun":{"type":"boolean"}},"required":["dryRun"],
             "oneOf":[{"$ref":"#/$defs/ById"},{"properties":{"email":{"type":"string"},"name":{"type":"string"}},"required":["email"],"additionalProperties":false}],
             "$defs":{"ById":{"properties":{"id":{"type":"string"}},"required":["id"],"additionalProperties":false}}}
            """, """
            {"type":"object","properties":{"dryRun":{"type":"boolean"},"id":{"type":"string"},"email":{"type":"string"},"name":{"type":"string"}},
             "required":["dryRun"],"additionalProperties":false,
             "$defs":{"ById":{"properties":{"id":{"type":"string"}},"required":["id"],"additionalProperties":false}},
             "description":"Give exactly one of these combinations of arguments: (1) id; (2) email, name (optional)."}
            """);
    }

    [Fact]
    public void Combinators_below_the_top_are_left_alone() =>
        ShapedSchema.AssertUnchanged(ClientProfile.Claude, """
            {"type":"object","properties":{"filter":{"oneOf":[{"type":"string"},{"type":"integer"}]},"email":{"type":["string","null"]}}}
            """);
}
