using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Generator.Tests.OpenApi;

/// <summary>
/// Real public OpenAPI documents of different sizes and styles, installed from the npm packages that publish them:
/// each compiles without errors into the expected number of tools, and sampled tools have the mapped schemas.
/// </summary>
public sealed class RealOpenApiDocumentTests
{
    private const string FormatOpenApi = "build_metadata.AdditionalFiles.VerityFormat";

    /// <summary>The warnings these documents are expected to produce (long names, left-out parts); never an error.</summary>
    private static readonly string[] ExpectedWarnings = ["VMCP019", "VMCP020", "VMCP021", "VMCP022", "VMCP023"];

    internal static CatalogFile GitHub => Document(OpenApiDocuments.GitHubPath, "GitHub");

    internal static CatalogFile Blockfrost => Document(OpenApiDocuments.BlockfrostPath, "Blockfrost");

    internal static CatalogFile Directus => Document(OpenApiDocuments.DirectusPath, "Directus");

    private static CatalogFile Document(string path, string apiName) => new(path, OpenApiDocuments.Read(path), new Dictionary<string, string>
    {
        [FormatOpenApi] = "openapi",
        ["build_metadata.AdditionalFiles.VerityApiName"] = apiName,
    });

    private static Dictionary<string, Tool> Tools(CatalogFile file) =>
        GeneratedToolAssembly.CreateTools(file).ToDictionary(tool => tool.ProtocolTool.Name, tool => tool.ProtocolTool, StringComparer.Ordinal);

    private static JsonObject Input(Tool tool) => (JsonObject)JsonNode.Parse(tool.InputSchema.GetRawText())!;

    private static JsonObject Output(Tool tool) => (JsonObject)JsonNode.Parse(tool.OutputSchema!.Value.GetRawText())!;

    private static string[] Keys(JsonNode? node) => node!.AsObject().Select(p => p.Key).ToArray();

    private static string[] Strings(JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    private static void AssertOnlyExpectedWarnings(CatalogFile file)
    {
        // The generator's own diagnostics; the generated code's are checked when the tools are compiled (an error fails).
        var output = GeneratorHarness.Run([file]);
        Assert.All(output.Diagnostics.Where(d => !ExpectedWarnings.Contains(d.Id) || d.Severity == DiagnosticSeverity.Error), d => Assert.Fail(d.ToString()));
    }

    [Fact]
    public void GitHub_json_1186_operations_become_tools_without_errors()
    {
        AssertOnlyExpectedWarnings(GitHub);

        // 1,223 operations, 37 of them deprecated.
        Assert.Equal(1186, Tools(GitHub).Count);
    }

    [Fact]
    public void GitHub_sampled_tools_have_the_documents_schemas()
    {
        var tools = Tools(GitHub);

        var get = tools["repos_get"];
        Assert.True(get.Annotations!.ReadOnlyHint);
        Assert.Equal(["owner", "repo"], Keys(Input(get)["properties"]));
        Assert.Equal(["owner", "repo"], Strings(Input(get)["required"]));
        Assert.Equal("The account owner of the repository. The name is not case sensitive.", Input(get)["properties"]!["owner"]!["description"]!.GetValue<string>());
        var repository = Output(get);
        Assert.Contains("full_name", Keys(repository["properties"]));
        Assert.Equal(["string", "null"], Strings(repository["properties"]!["description"]!["type"]));

        // A JSON body flattened beside the path parameters; readOnly-free, so one view of each component.
        var create = tools["issues_create"];
        Assert.False(create.Annotations!.ReadOnlyHint);
        Assert.Equal(["owner", "repo", "title", "body", "assignee", "milestone", "labels", "assignees", "issue_field_values", "type"], Keys(Input(create)["properties"]));
        Assert.Equal(["owner", "repo", "title"], Strings(Input(create)["required"]));
        Assert.Contains("number", Keys(Output(create)["properties"]));

        // Query parameters from components/parameters, with their defaults.
        var list = Input(tools["issues_list-for-repo"]);
        Assert.Contains("per_page", Keys(list["properties"]));
        Assert.Equal(30, list["properties"]!["per_page"]!["default"]!.GetValue<int>());
        Assert.Equal(["open", "closed", "all"], Strings(list["properties"]!["state"]!["enum"]));

        Assert.True(tools["issues_remove-label"].Annotations!.DestructiveHint);
        Assert.Null(tools["gists_star"].OutputSchema);
    }

    [Fact]
    public void Blockfrost_yaml_125_operations_become_tools_without_errors()
    {
        AssertOnlyExpectedWarnings(Blockfrost);

        // 129 operations: 2 deprecated, 2 that only take CBOR bodies.
        var tools = Tools(Blockfrost);
        Assert.Equal(125, tools.Count);

        // No operationIds: names from method and path.
        var account = tools["get_accounts"];
        Assert.StartsWith("Specific account address", account.Description, StringComparison.Ordinal);
        Assert.Equal(["stake_address"], Keys(Input(account)["properties"]));
        Assert.Contains("controlled_amount", Keys(Output(account)["properties"]));

        var rewards = Input(tools["get_accounts_rewards"]);
        Assert.Equal(["stake_address", "count", "page", "order"], Keys(rewards["properties"]));
        Assert.Equal(["asc", "desc"], Strings(rewards["properties"]!["order"]!["enum"]));
        // A list answer is wrapped as "result"; the referenced component comes along in $defs.
        var answer = Output(tools["get_accounts_rewards"]);
        Assert.Equal("#/$defs/account_reward_content", answer["properties"]!["result"]!["$ref"]!.GetValue<string>());
        Assert.Equal("array", answer["$defs"]!["account_reward_content"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Directus_json_136_operations_become_tools_without_errors()
    {
        AssertOnlyExpectedWarnings(Directus);
        var tools = Tools(Directus);
        Assert.Equal(136, tools.Count);

        var me = tools["getMe"];
        Assert.True(me.Annotations!.ReadOnlyHint);
        Assert.Contains("data", Keys(Output(me)["properties"]));

        // "fields" (components/parameters, style form, explode false): one string of values joined with ','.
        var fields = Input(me)["properties"]!["fields"]!;
        Assert.Equal("string", fields["type"]!.GetValue<string>());
        Assert.EndsWith("Several values joined with ',' (e.g. a,b).", fields["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Control what fields are returned in the response.", fields["description"]!.GetValue<string>(), StringComparison.Ordinal);

        // "filter" is described by content application/json: one string argument holding the JSON text.
        var filter = Input(tools["getActivities"])["properties"]!["filter"]!;
        Assert.Equal("string", filter["type"]!.GetValue<string>());
        Assert.EndsWith("The value as JSON text.", filter["description"]!.GetValue<string>(), StringComparison.Ordinal);

        // "schema": null in the document: the body is one free-form argument.
        Assert.Contains("body", Keys(Input(tools["createItem"])["properties"]));
    }
}
