using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using ModelContextProtocol.Protocol;
using static Verity.Generator.Tests.OpenApi.OpenApiTestDocuments;

namespace Verity.Generator.Tests.OpenApi;

/// <summary>How an OpenAPI document becomes tools: each row of docs/openapi.md's mapping table, on <see cref="OpenApiTestDocuments.Shop"/>.</summary>
public sealed class OpenApiMappingTests
{
    private static readonly Dictionary<string, ModelContextProtocol.Server.McpServerTool> ShopTools = Tools(Shop);

    private static Tool Tool(string name) => ShopTools[name].ProtocolTool;

    private static JsonObject Input(string name) => (JsonObject)JsonNode.Parse(Tool(name).InputSchema.GetRawText())!;

    private static JsonObject Output(string name) => (JsonObject)JsonNode.Parse(Tool(name).OutputSchema!.Value.GetRawText())!;

    private static string[] Names(JsonNode? node) => node is JsonObject obj ? obj.Select(p => p.Key).ToArray() : node!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    [Fact]
    public void The_document_compiles_without_errors()
    {
        var output = Run(Shop);
        Assert.DoesNotContain(output.CompilationProblems("VMCP021", "VMCP022"), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(output.CompilationProblems("VMCP021", "VMCP022"));
    }

    [Fact]
    public void Operations_become_tools_named_by_operationId_or_method_and_path()
    {
        Assert.Equal(
            ["get_items", "get_orders", "items_create", "items_delete", "items_exists", "items_get-one", "items_replace", "legacy_post", "orders_update"],
            ShopTools.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Summary_and_description_make_the_tool_description()
    {
        Assert.Equal("Get an item.\n\nReturns one item with its price.", Tool("items_get-one").Description);

        // No summary: the description's first sentence is the summary.
        Assert.Equal("Replaces an item.\n\nEverything is overwritten.", Tool("items_replace").Description);
    }

    [Fact]
    public void Path_query_and_header_parameters_are_arguments_and_cookies_and_reserved_headers_are_not()
    {
        var input = Input("items_get-one");
        Assert.Equal(["itemId", "X-Request-Id"], Names(input["properties"]));
        Assert.Equal(["itemId"], Names(input["required"]));
        Assert.Equal("The item's id.", input["properties"]!["itemId"]!["description"]!.GetValue<string>());
        Assert.Equal("^[a-z0-9]+$", input["properties"]!["itemId"]!["pattern"]!.GetValue<string>());

        var cookie = Assert.Single(Diagnostics(Run(Shop), "VMCP022"), d => d.GetMessage().Contains("session", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Warning, cookie.Severity);
        Assert.Contains("Cookie parameter 'session' of GET /items/{itemId}", cookie.GetMessage());
        Assert.Equal(Position(Shop, "\"cookie\""), Start(cookie));
    }

    [Fact]
    public void Query_arrays_are_repeated_keys_and_joined_arrays_are_one_string()
    {
        var input = Input("get_items");
        Assert.Equal(["tag", "fields", "limit"], Names(input["properties"]));
        Assert.Equal("array", input["properties"]!["tag"]!["type"]!.GetValue<string>());

        // style form, explode false: the values joined with ',' in one string, as the document sends them.
        var fields = input["properties"]!["fields"]!;
        Assert.Equal("string", fields["type"]!.GetValue<string>());
        Assert.Equal("Several values joined with ',' (e.g. a,b).", fields["description"]!.GetValue<string>());
        Assert.DoesNotContain(Diagnostics(Run(Shop), "VMCP022"), d => d.GetMessage().Contains("'fields'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_joined_array_is_sent_as_one_query_value()
    {
        var tool = (Verity.Mcp.Tools.EndpointTool)ShopTools["get_items"];
        using var arguments = JsonDocument.Parse("""{ "tag": ["a", "b"], "fields": "id,name" }""");
        var request = tool.CreateRequest(arguments.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()));
        Assert.Equal("/items?tag=a&tag=b&fields=id%2Cname", request.RelativeUri);
    }

    [Fact]
    public void A_required_parameter_that_cannot_be_mapped_leaves_the_operation_out()
    {
        var search = Assert.Single(Diagnostics(Run(Shop), "VMCP021"), d => d.GetMessage().Contains("GET /search", StringComparison.Ordinal));
        Assert.Contains("'filter'", search.GetMessage());
        Assert.DoesNotContain("search", ShopTools.Keys);
    }

    [Fact]
    public void Nullable_and_boolean_exclusive_bounds_of_3_0_become_2020_12()
    {
        var limit = Input("get_items")["properties"]!["limit"]!;
        Assert.Equal(["integer", "null"], Names(limit["type"]));
        Assert.Equal(1, limit["exclusiveMinimum"]!.GetValue<int>());
        Assert.Null(limit["minimum"]);
        Assert.Equal(100, limit["maximum"]!.GetValue<int>());
    }

    [Fact]
    public void A_json_body_is_flattened_into_arguments_without_read_only_properties()
    {
        var input = Input("items_create");
        Assert.Equal(["name", "secret", "price", "status", "parent", "tags"], Names(input["properties"]));
        Assert.Equal(["name"], Names(input["required"]));

        // Referenced request bodies too, beside the path item's parameters.
        Assert.Equal(["itemId", "name", "secret", "price", "status", "parent", "tags"], Names(Input("items_replace")["properties"]));
    }

    [Fact]
    public void Input_and_output_views_of_a_component_are_published_apart()
    {
        var input = Input("items_create");
        Assert.Equal("#/$defs/ItemInput", input["properties"]!["parent"]!["anyOf"]![0]!["allOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.DoesNotContain("id", Names(input["$defs"]!["ItemInput"]!["properties"]));
        Assert.Equal(["name"], Names(input["$defs"]!["ItemInput"]!["required"]));

        var output = Output("items_create");
        Assert.Equal(["id", "name", "price", "status", "parent", "tags"], Names(output["properties"]));
        Assert.Equal("#/$defs/Item", output["properties"]!["parent"]!["anyOf"]![0]!["allOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.Null(output["$defs"]!["ItemInput"]);
    }

    [Fact]
    public void Schema_keywords_of_openapi_are_translated_or_dropped()
    {
        var item = Input("items_create")["$defs"]!["ItemInput"]!;
        Assert.Null(item["discriminator"]);
        Assert.Equal(["Lamp"], item["properties"]!["name"]!["examples"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray());
        Assert.Equal(["number", "null"], Names(item["properties"]!["price"]!["type"]));
        Assert.Equal(["string", "null"], Names(item["properties"]!["status"]!["type"]));
        Assert.Contains(item["properties"]!["status"]!["enum"]!.AsArray(), value => value is null);

        // A nullable reference keeps its description beside the anyOf with null.
        var parent = item["properties"]!["parent"]!;
        Assert.Equal("The item this one belongs to.", parent["description"]!.GetValue<string>());
        Assert.Equal("null", parent["anyOf"]![1]!["type"]!.GetValue<string>());
        Assert.Null(Input("items_create")["$defs"]!["Tag"]!["x-internal"]);
    }

    [Fact]
    public void A_2xx_json_response_is_the_output_schema()
    {
        // 200 through components/responses, with a 404 listed first.
        Assert.Equal(["id", "name", "price", "status", "parent", "tags"], Names(Output("items_get-one")["properties"]));

        // application/json with parameters; an array answer is wrapped as "result".
        Assert.Equal("array", Output("get_items")["properties"]!["result"]!["type"]!.GetValue<string>());

        // 201.
        Assert.NotNull(Tool("items_create").OutputSchema);
        Assert.Null(Tool("items_delete").OutputSchema);
    }

    [Fact]
    public void A_body_property_named_like_a_parameter_keeps_the_body_as_one_argument()
    {
        var input = Input("orders_update");
        Assert.Equal(["orderId", "body"], Names(input["properties"]));
        Assert.Equal(["note", "orderId"], Names(input["properties"]!["body"]!["properties"]).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_required_non_json_body_leaves_the_operation_out()
    {
        var photo = Assert.Single(Diagnostics(Run(Shop), "VMCP021"), d => d.GetMessage().Contains("POST /items/{itemId}/photos", StringComparison.Ordinal));
        Assert.Contains("multipart/form-data", photo.GetMessage());
    }

    [Fact]
    public void Servers_0_with_variable_defaults_is_the_base_url_and_info_names_the_api()
    {
        var tools = GeneratedToolAssemblyFields();
        Assert.Equal("https://eu.shop.example/v2", tools["DefaultBaseUrl"]);
        Assert.Equal("Shop API", tools["ApiName"]);
        Assert.Equal("2.1", tools["ApiVersion"]);
        Assert.Equal("shop.openapi.json", tools["CatalogFileName"]);
    }

    [Fact]
    public void Tags_group_the_tools()
    {
        Assert.Equal("ShopAPIItemsTools", ShopTools["get_items"].GetType().DeclaringType!.Name);
        Assert.Equal("ShopAPIGeneralTools", ShopTools["orders_update"].GetType().DeclaringType!.Name);
    }

    [Fact]
    public void Methods_give_the_annotations_and_x_mcp_overrides_them()
    {
        Assert.True(Tool("items_get-one").Annotations!.ReadOnlyHint);
        Assert.True(Tool("items_exists").Annotations!.ReadOnlyHint);
        Assert.True(Tool("items_exists").Annotations!.IdempotentHint);
        Assert.False(Tool("items_create").Annotations!.ReadOnlyHint);
        Assert.True(Tool("items_replace").Annotations!.DestructiveHint);
        Assert.False(Tool("items_delete").Annotations!.DestructiveHint);
        Assert.True(Tool("items_delete").Annotations!.IdempotentHint);
    }

    [Fact]
    public void Deprecated_excluded_and_options_operations_are_left_out()
    {
        Assert.DoesNotContain("legacy_hidden", ShopTools.Keys);
        Assert.Contains("legacy_post", ShopTools.Keys);
        Assert.DoesNotContain(ShopTools.Values, tool => tool.ProtocolTool.Description!.StartsWith("List orders", StringComparison.Ordinal));
        var options = Assert.Single(Diagnostics(Run(Shop), "VMCP021"), d => d.GetMessage().Contains("OPTIONS /legacy", StringComparison.Ordinal));
        Assert.Equal(Position(Shop, "\"options\""), Start(options));
    }

    [Fact]
    public void Deprecated_operations_are_tools_when_asked_by_item_metadata_or_x_mcp()
    {
        var byMetadata = Tools(Shop, metadata: new() { ["build_metadata.AdditionalFiles.VerityIncludeDeprecated"] = "true" });
        Assert.Contains(byMetadata.Values, tool => tool.ProtocolTool.Description == "List orders.");

        // Asked for, GET /orders shares get_orders with GET /orders/{orderId}: both take their parameters as words.
        Assert.Contains("get_orders_orderid", byMetadata.Keys);

        var byOption = Tools(Shop.Replace("\"openapi\": \"3.0.3\",", "\"openapi\": \"3.0.3\", \"x-mcp\": { \"includeDeprecated\": true },", StringComparison.Ordinal));
        Assert.Contains(byOption.Values, tool => tool.ProtocolTool.Description == "List orders.");
    }

    [Fact]
    public void Root_x_mcp_and_item_metadata_set_the_name_prefix_and_namespace()
    {
        var text = Shop.Replace("\"openapi\": \"3.0.3\",", "\"openapi\": \"3.0.3\", \"x-mcp\": { \"name\": \"Store\", \"toolPrefix\": \"store_\", \"namespace\": \"Acme.Store\" },", StringComparison.Ordinal);
        var tools = Tools(text, path: "/repo/api/store.openapi.json");
        Assert.Contains("store_items_create", tools.Keys);
        Assert.Equal("Acme.Store", tools["store_items_create"].GetType().Namespace);

        var renamed = Tools(Shop, path: "/repo/api/renamed.openapi.json", metadata: new()
        {
            ["build_metadata.AdditionalFiles.VerityApiName"] = "Market",
            ["build_metadata.AdditionalFiles.VerityToolPrefix"] = "m_",
        });
        Assert.Contains("m_items_create", renamed.Keys);
        Assert.Equal("MarketItemsTools", renamed["m_get_items"].GetType().DeclaringType!.Name);
    }

    [Fact]
    public void An_overlong_derived_name_is_shortened_uniquely_with_a_warning()
    {
        var id = new string('a', 40) + "/" + new string('b', 40);
        var text = $$"""
            { "openapi": "3.1.0", "info": { "title": "Long", "version": "1" },
              "paths": { "/x": { "get": { "operationId": "{{id}}", "responses": {} },
                                 "post": { "operationId": "{{id}}2", "responses": {} } } } }
            """;
        var output = Run(text);
        var warnings = Diagnostics(output, "VMCP023");
        Assert.Equal(2, warnings.Count);
        Assert.Equal(Position(text, "\"" + id), Start(warnings[0]));
        var names = Tools(text).Keys.ToList();
        Assert.All(names, name => Assert.Equal(64, name.Length));
        Assert.NotEqual(names[0], names[1]);
        Assert.DoesNotContain(output.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void An_explicit_x_mcp_name_follows_the_catalog_rules()
    {
        var text = """
            { "openapi": "3.1.0", "info": { "title": "Named", "version": "1" },
              "paths": { "/x": { "get": { "x-mcp": { "name": "bad name!" }, "responses": {} } } } }
            """;
        var invalid = Assert.Single(Diagnostics(Run(text), "VMCP008"));
        Assert.Equal(Position(text, "\"bad name!\""), Start(invalid));
    }

    private static Dictionary<string, object?> GeneratedToolAssemblyFields()
    {
        var type = Infrastructure.GeneratedToolAssembly.ToolsClass(File(Shop));
        return type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToDictionary(f => f.Name, f => f.GetRawConstantValue());
    }
}
