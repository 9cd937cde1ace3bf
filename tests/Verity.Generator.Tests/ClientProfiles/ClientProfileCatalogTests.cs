using System.Text.Json.Nodes;
using Verity.Generator.Tests.Infrastructure;
using Verity.Mcp.Clients;

namespace Verity.Generator.Tests.ClientProfiles;

/// <summary>
/// For every profile, over the Verity catalog, the synthetic 1,000-endpoint catalog and the every-type catalog: the
/// shaped tools/list is replayed through that client's own documented checks and nothing is found, and every shaped
/// schema is valid JSON Schema 2020-12. The exact profile is the generator's output, byte for byte.
/// </summary>
public sealed class ClientProfileCatalogTests
{
    public static TheoryData<string> Catalogs => CatalogTools.Names;

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void The_exact_profile_lists_the_generators_schema_text_byte_for_byte(string catalog)
    {
        var tools = CatalogTools.Tools(catalog);
        var protocolTools = tools.Select(tool => tool.ProtocolTool).ToList();

        var listed = new ClientToolLists().For(ClientProfile.Exact, protocolTools);

        Assert.Equal(tools.Count, listed.Count);
        for (var i = 0; i < tools.Count; i++)
        {
            Assert.Same(protocolTools[i], listed[i]);
            Assert.Equal(GeneratedToolAssembly.InputSchemaConstant(tools[i]), listed[i].InputSchema.GetRawText());
        }
    }

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Cursor_lets_through_a_value_of_every_type_each_argument_allows_and_judges_it_as_the_catalog_does(string catalog)
    {
        var problems = new List<string>();
        var checkedValues = 0;
        var checkedNulls = 0;
        foreach (var (exact, shaped) in CatalogTools.Shaped(catalog, ClientProfile.Cursor))
        {
            var exactSchema = CatalogTools.Schema(exact);
            var shapedSchema = CatalogTools.Schema(shaped);
            foreach (var (name, node) in exactSchema["properties"] as JsonObject ?? [])
            {
                var argument = (JsonObject)node!;
                var shapedArgument = (JsonObject)shapedSchema["properties"]![name]!;
                foreach (var value in SampleValues.For(exactSchema, argument))
                {
                    checkedValues++;
                    checkedNulls += value is null ? 1 : 0;
                    if (CursorArgumentCheck.Check(name, shapedArgument, value) is { } refusal)
                    {
                        problems.Add($"{exact.Name}: {refusal} (value {value?.ToJsonString() ?? "null"})");
                    }

                    // The shaped schema is the same rule written another way: it must judge the value as the catalog's does.
                    var byCatalog = SchemaCompilation.Accepts(SchemaCompilation.Standalone(exactSchema, argument), value);
                    var byShaped = SchemaCompilation.Accepts(shapedArgument, value);
                    if (byCatalog != byShaped)
                    {
                        problems.Add($"{exact.Name}.{name}: value {value?.ToJsonString() ?? "null"} is {(byCatalog ? "valid" : "invalid")} by the catalog but not by the shaped schema");
                    }
                }
            }

            Assert.False(SchemaRefs(shapedSchema), $"{exact.Name}: references left for Cursor");
        }

        AssertNone(problems);
        Assert.True(checkedValues >= CatalogTools.Tools(catalog).Count, $"only {checkedValues} values checked");
        Assert.True(checkedNulls > 0, "no nullable argument was checked with null");
    }

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Claude_finds_no_top_level_combinator_and_no_long_name(string catalog) =>
        AssertNone(CatalogTools.Shaped(catalog, ClientProfile.Claude)
            .SelectMany(pair => ClaudeToolCheck.Problems(pair.Shaped.Name, CatalogTools.Schema(pair.Shaped))));

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void VS_Code_finds_every_array_with_items_and_at_most_128_tools(string catalog)
    {
        var shaped = CatalogTools.Shaped(catalog, ClientProfile.VsCode);

        AssertNone(shaped.SelectMany(pair => VsCodeToolCheck.Problems(pair.Shaped.Name, CatalogTools.Schema(pair.Shaped))));
        Assert.Equal(Math.Min(VsCodeToolCheck.ToolLimit, CatalogTools.Tools(catalog).Count), shaped.Count);
    }

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Gemini_finds_only_keywords_its_schema_knows(string catalog) =>
        AssertNone(CatalogTools.Shaped(catalog, ClientProfile.Gemini)
            .SelectMany(pair => GeminiSchemaCheck.Problems(pair.Shaped.Name, CatalogTools.Schema(pair.Shaped))));

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void OpenAI_strict_mode_finds_closed_objects_with_every_property_required(string catalog) =>
        AssertNone(CatalogTools.Shaped(catalog, ClientProfile.OpenAi)
            .SelectMany(pair => OpenAiStrictCheck.Problems(pair.Shaped.Name, CatalogTools.Schema(pair.Shaped), CatalogTools.Schema(pair.Exact))));

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Every_shaped_schema_is_valid_json_schema_2020_12(string catalog)
    {
        var problems = new List<string>();
        foreach (var profile in Enum.GetValues<ClientProfile>())
        {
            // Many tools share a schema; each distinct text is checked once.
            foreach (var group in CatalogTools.Shaped(catalog, profile).GroupBy(pair => pair.Shaped.InputSchema.GetRawText(), StringComparer.Ordinal))
            {
                if (SchemaCompilation.Problem(group.Key) is { } problem)
                {
                    problems.Add($"{profile} {group.First().Shaped.Name}: {problem}");
                }
            }
        }

        AssertNone(problems);
    }

    [Fact]
    public void The_replayed_checks_find_what_each_client_refuses_in_the_exact_schemas()
    {
        // Without the profiles the checks do find the issue's problems, so finding nothing above means something.
        var verity = CatalogTools.Shaped(CatalogTools.Verity, ClientProfile.Exact);
        var update = verity.Single(pair => pair.Exact.Name == "update_contact").Exact;
        var email = (JsonObject)CatalogTools.Schema(update)["properties"]!["email"]!;
        Assert.Equal("Parameter 'email' must be of type string,null, got string", CursorArgumentCheck.Check("email", email, JsonValue.Create("a@b.example")));

        Assert.Contains(verity.SelectMany(pair => GeminiSchemaCheck.Problems(pair.Exact.Name, CatalogTools.Schema(pair.Exact))),
            problem => problem.Contains("list_calls at '/properties/status': keyword '$ref'", StringComparison.Ordinal));
        Assert.Contains(verity.SelectMany(pair => OpenAiStrictCheck.Problems(pair.Exact.Name, CatalogTools.Schema(pair.Exact), CatalogTools.Schema(pair.Exact))),
            problem => problem.Contains("update_contact at '': required [contactId] is not every property", StringComparison.Ordinal));
        Assert.Contains(CatalogTools.Shaped(CatalogTools.EveryType, ClientProfile.Exact).SelectMany(pair => GeminiSchemaCheck.Problems(pair.Exact.Name, CatalogTools.Schema(pair.Exact))),
            problem => problem.Contains("type [\"boolean\",\"null\"]", StringComparison.Ordinal));
        Assert.True(CatalogTools.Tools(CatalogTools.Synthetic).Count > VsCodeToolCheck.ToolLimit);
    }

    private static bool SchemaRefs(JsonObject schema) =>
        SchemaWalk.All(schema).Any(node => node.Schema.ContainsKey("$ref") || node.Schema.ContainsKey("$defs"));

    private static void AssertNone(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, $"{list.Count} problems:\n{string.Join("\n", list.Take(30))}");
    }
}
