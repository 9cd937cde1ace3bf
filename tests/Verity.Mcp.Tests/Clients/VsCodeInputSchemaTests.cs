using Verity.Mcp.Clients;

namespace Verity.Mcp.Tests.Clients;

/// <summary>VS Code refuses an array schema without <c>items</c> (microsoft/vscode#284536).</summary>
public sealed class VsCodeInputSchemaTests
{
    [Fact]
    public void Every_array_without_items_gets_an_empty_items_schema()
    {
        ShapedSchema.AssertShape(ClientProfile.VsCode, """
            {"type":"object","properties":{
              "ids":{"type":"array"},
              "pairs":{"type":"array","items":{"type":["array","null"]}},
              "list":{"type":["array","null"],"items":{"type":"string"}},
              "x":{"$ref":"#/$defs/L"}},
             "$defs":{"L":{"type":"array","maxItems":3}}}
            """, """
            {"type":"object","properties":{
              "ids":{"type":"array","items":{}},
              "pairs":{"type":"array","items":{"type":["array","null"],"items":{}}},
              "list":{"type":["array","null"],"items":{"type":"string"}},
              "x":{"$ref":"#/$defs/L"}},
             "$defs":{"L":{"type":"array","maxItems":3,"items":{}}}}
            """);
    }

    [Fact]
    public void Schemas_whose_arrays_have_items_are_left_alone() =>
        ShapedSchema.AssertUnchanged(ClientProfile.VsCode, """
            {"type":"object","properties":{"tags":{"type":"array","items":{"type":"string"}},"email":{"type":["string","null"]}}}
            """);
}
