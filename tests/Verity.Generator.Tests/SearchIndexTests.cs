using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Verity.Generator.Tests.Infrastructure;
using Verity.Mcp.Host.Tools;
using Verity.Mcp.Tools;
using Verity.Mcp.Tools.Search;

namespace Verity.Generator.Tests;

/// <summary>
/// The search index the generator emits per catalog, searched the way the dynamic tools search it: the right tool
/// first for task-like queries (the Verity catalog, compiled into this project, and a 1,000-endpoint synthetic one),
/// tag filter, limit, no match; and the emitted index is deterministic and cached like the other outputs.
/// </summary>
public sealed class SearchIndexTests
{
    private static readonly Lazy<ServedEndpoints> Verity = new(() => Served(VerityTools.Catalog));

    [Theory]
    [InlineData("place a test phone call", "initiate_test_call")]
    [InlineData("hang up a ringing call", "hang_up_call")]
    [InlineData("read the transcript of a call", "get_call_transcript")]
    [InlineData("delete a contact", "delete_contact")]
    [InlineData("change a contact", "update_contact")]
    [InlineData("search contacts by company", "search_contacts")]
    [InlineData("which numbers can the workspace call from", "get_phone_numbers")]
    [InlineData("list the AI agents", "list_agents")]
    [InlineData("list_calls", "list_calls")]
    [InlineData("transcr", "get_call_transcript")]
    public void The_right_verity_tool_comes_first(string query, string expected)
    {
        var hits = Verity.Value.Search(query, tag: null, limit: 5);

        Assert.NotEmpty(hits);
        Assert.True(expected == hits[0].Name, $"'{query}' gave {string.Join(", ", hits.Select(hit => hit.Name))}");
    }

    [Fact]
    public void A_tag_keeps_only_its_tools_and_the_limit_cuts_the_list()
    {
        var contacts = Verity.Value.Search("get list create", tag: "CONTACTS", limit: 10);
        var two = Verity.Value.Search("call", tag: null, limit: 2);

        Assert.NotEmpty(contacts);
        Assert.All(contacts, hit => Assert.Contains("contacts", hit.Tags));
        Assert.Equal(2, two.Count);
    }

    [Fact]
    public void A_query_that_matches_nothing_gives_no_tools()
    {
        Assert.Empty(Verity.Value.Search("xylophone orchestra", tag: null, limit: 10));
        Assert.Empty(Verity.Value.Search("the of and", tag: null, limit: 10));
    }

    [Fact]
    public void Hits_carry_the_summary_tags_and_hints()
    {
        var hit = Verity.Value.Search("delete a contact", tag: null, limit: 1).Single();

        Assert.Equal(("delete_contact", "Delete a contact for good.", false, true), (hit.Name, hit.Summary, hit.ReadOnly, hit.Destructive));
        Assert.Equal(["contacts"], hit.Tags);
    }

    [Theory]
    [InlineData("synthetic operation 637", 637)]
    [InlineData("put r27 items", 137)]
    [InlineData("delete r199 item", 999)]
    public void The_right_synthetic_tool_comes_first_among_a_thousand(string query, int expected)
    {
        var catalog = GeneratedToolAssembly.Catalog(SyntheticCatalog.Create(1000));
        var served = Served(catalog);

        var hits = served.Search(query, tag: null, limit: 5);

        Assert.Equal(catalog.Descriptors[expected].ToolName, hits[0].Name);
        Assert.Equal(SyntheticCatalog.Summary(expected), hits[0].Summary);
    }

    [Fact]
    public void The_emitted_index_is_byte_identical_across_runs_and_sorted()
    {
        var text = SyntheticCatalog.Create(200);
        var first = IndexSource(GeneratorHarness.Run(text));
        var second = IndexSource(GeneratorHarness.Run(text));

        Assert.Equal(first, second);
        var index = GeneratedToolAssembly.Catalog(text).CreateSearchIndex();
        Assert.Equal(200, index.Count);
        Assert.True(index.TermCount > 200);
    }

    [Fact]
    public void A_catalog_edit_that_changes_no_tool_leaves_the_index_output_cached()
    {
        var text = GeneratorHarness.ReadVerityCatalog();
        var compilation = GeneratorHarness.CreateCompilation("namespace Sample.App; internal static class Program { }");
        var original = new InMemoryAdditionalText("/repo/catalog/verity.catalog.json", text);
        var first = GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver([original]), compilation);

        // A trailing comment: the catalog's text (and hash) change, no tool does.
        var driver = first.Driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(original.Path, text + "\n// reviewed\n"));
        var second = GeneratorHarness.RunDriver(driver, compilation);

        var index = second.Result.TrackedSteps[VerityGenerator.Steps.SearchIndex].SelectMany(run => run.Outputs).Single();
        Assert.Equal(IncrementalStepRunReason.Unchanged, index.Reason);
        Assert.Equal(IndexSource(first), IndexSource(second));
        Assert.NotEqual(
            first.Sources["Verity.Mcp.Host.Tools.Verity.VerityTools.g.cs"],
            second.Sources["Verity.Mcp.Host.Tools.Verity.VerityTools.g.cs"]);
    }

    [Fact]
    public void Query_terms_follow_the_index_rules()
    {
        Assert.Equal(["get", "call", "transcript"], SearchTermsOf("getCallTranscript"));
        Assert.Equal(["call", "call", "call", "creat", "creat"], SearchTermsOf("calls called calling create created"));
        Assert.Equal(["item", "0003"], SearchTermsOf("the item0003"));
        Assert.Equal(["phon", "number"], SearchTermsOf("Phone-Numbers"));
        // Short forms and near-synonyms meet the word an API uses.
        Assert.Equal(["list", "repository", "organization", "creat", "creat"], SearchTermsOf("list repos of an org, add or create"));
    }

    private static IReadOnlyList<string> SearchTermsOf(string text) =>
        // The generator's copy of the runtime's rules (the same source file is compiled into both).
        global::Verity.Mcp.Tools.Search.SearchTerms.Split(text);

    private static string IndexSource(GeneratorOutput output) =>
        output.Sources.Single(pair => pair.Key.EndsWith(".SearchIndex.g.cs", StringComparison.Ordinal)).Value;

    private static ServedEndpoints Served(GeneratedCatalog catalog) =>
        new([new EndpointToolSet(catalog.ApiName, catalog.Descriptors, catalog.CreateSearchIndex)], catalog.CreateTools());
}
