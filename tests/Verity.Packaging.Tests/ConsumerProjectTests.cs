using System.Text.Json;
using System.Text.RegularExpressions;
using ModelContextProtocol.Protocol;
using Verity.DevStack.Clerk;
using Verity.Packaging.Tests.Infrastructure;

namespace Verity.Packaging.Tests;

/// <summary>
/// A project that is not ours (the Shop consumer, with its own catalog) referencing the packages from the local feed:
/// it builds, its tools are listed and called through a real MCP client over stdio against a loopback API with Clerk
/// session tokens, and a broken catalog fails its build with a VMCP diagnostic at the catalog's line.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed partial class ConsumerProjectTests(PackagingFixture fixture)
{
    [Fact]
    public void Consumer_restores_the_packed_packages_from_the_feed_and_builds()
    {
        Assert.True(fixture.ConsumerBuild.ExitCode == 0, fixture.ConsumerBuild.Output);
        Assert.True(File.Exists(fixture.ConsumerAssembly), fixture.ConsumerBuild.Output);

        // Verity.Mcp arrives through Verity.Generator's dependency, at the version just packed.
        var assets = File.ReadAllText(Path.Combine(fixture.ConsumerDirectory, "obj", "project.assets.json"));
        Assert.Contains($"\"Verity.Generator/{fixture.PackageVersion}\"", assets, StringComparison.Ordinal);
        Assert.Contains($"\"Verity.Mcp/{fixture.PackageVersion}\"", assets, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consumer_lists_its_catalog_tools_with_the_prefix_set_in_its_project()
    {
        await using var server = await StartConsumerAsync();

        var tools = await server.Client.ListToolsAsync();

        Assert.Equal(["shop_create_order", "shop_get_product", "shop_list_products", "shop_list_reviews"], tools.Select(tool => tool.Name).Order(StringComparer.Ordinal));
        var getProduct = tools.Single(tool => tool.Name == "shop_get_product").ProtocolTool;
        Assert.Equal("^prd_[a-z0-9]+$", getProduct.InputSchema.GetProperty("properties").GetProperty("productId").GetProperty("pattern").GetString());
        Assert.Contains("productId", getProduct.InputSchema.GetProperty("required").EnumerateArray().Select(item => item.GetString()));
        Assert.True(getProduct.Annotations?.ReadOnlyHint);
        Assert.NotNull(getProduct.OutputSchema);
        Assert.False(tools.Single(tool => tool.Name == "shop_create_order").ProtocolTool.Annotations?.ReadOnlyHint);
    }

    [Fact]
    public async Task Consumer_tools_call_the_api_with_a_Clerk_session_token()
    {
        await using var server = await StartConsumerAsync();
        var before = fixture.ShopApi.Requests.Count;

        var list = await server.Client.CallToolAsync("shop_list_products", new Dictionary<string, object?> { ["category"] = "books" });
        Assert.False(list.IsError is true, Describe(list, server));
        Assert.Contains("Dune", TextOf(list), StringComparison.Ordinal);
        Assert.DoesNotContain("Catan", TextOf(list), StringComparison.Ordinal);

        var order = await server.Client.CallToolAsync("shop_create_order", new Dictionary<string, object?> { ["productId"] = "prd_2", ["quantity"] = 2 });
        Assert.False(order.IsError is true, Describe(order, server));
        Assert.Contains("ord_", TextOf(order), StringComparison.Ordinal);

        var requests = fixture.ShopApi.Requests.Skip(before).ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(("GET", "/api/products?category=books"), (requests[0].Method, requests[0].PathAndQuery));
        Assert.Equal(("POST", "/api/orders"), (requests[1].Method, requests[1].PathAndQuery));
        using var body = JsonDocument.Parse(requests[1].Body);
        Assert.Equal("prd_2", body.RootElement.GetProperty("productId").GetString());
        Assert.Equal(2, body.RootElement.GetProperty("quantity").GetInt32());
        Assert.All(requests, request => Assert.Equal(ClerkEmulatorSeed.AliceUserId, request.Subject));
    }

    [Fact]
    public async Task Consumer_with_WithToolMode_serves_search_describe_and_call_in_dynamic_mode()
    {
        await using var server = await StartConsumerAsync(("VERITY_TOOL_MODE", "dynamic"));

        var tools = await server.Client.ListToolsAsync();
        Assert.Equal(["call_api_endpoint", "describe_api_endpoint", "search_api_endpoints"], tools.Select(tool => tool.Name).Order(StringComparer.Ordinal));

        var found = await server.Client.CallToolAsync("search_api_endpoints", new Dictionary<string, object?> { ["query"] = "list the products of a category" });
        Assert.False(found.IsError is true, Describe(found, server));
        Assert.Equal("shop_list_products", found.StructuredContent!.Value.GetProperty("tools")[0].GetProperty("name").GetString());

        var called = await server.Client.CallToolAsync("call_api_endpoint", new Dictionary<string, object?>
        {
            ["name"] = "shop_list_products",
            ["arguments"] = new Dictionary<string, object?> { ["category"] = "books" },
        });
        Assert.False(called.IsError is true, Describe(called, server));
        Assert.Contains("Dune", TextOf(called), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consumer_tool_rejects_an_argument_against_the_catalog_schema_without_calling_the_api()
    {
        await using var server = await StartConsumerAsync();
        var before = fixture.ShopApi.Requests.Count;

        var result = await server.Client.CallToolAsync("shop_get_product", new Dictionary<string, object?> { ["productId"] = "PRD-1" });

        Assert.True(result.IsError, Describe(result, server));
        Assert.Contains("productId", TextOf(result), StringComparison.Ordinal);
        Assert.Equal(before, fixture.ShopApi.Requests.Count);
    }

    [Fact]
    public async Task Broken_consumer_catalog_fails_the_build_with_a_VMCP_error_at_the_catalog_line()
    {
        var broken = Path.Combine(fixture.ConsumerDirectory, "api", "returns.catalog.json");
        await File.WriteAllTextAsync(broken, """
            {
              "api": { "name": "Returns" },
              "endpoints": [
                {
                  "method": "GET",
                  "path": "/api/returns/{returnId}",
                  "summary": "Get one return."
                }
              ]
            }
            """);
        try
        {
            var build = await fixture.BuildConsumerAsync();

            Assert.NotEqual(0, build.ExitCode);
            var match = BuildError().Match(build.Output);
            Assert.True(match.Success, build.Output);
            Assert.Equal(Path.GetFullPath(broken), Path.GetFullPath(match.Groups["file"].Value));
            Assert.Equal("6", match.Groups["line"].Value);
            Assert.Contains("returnId", match.Groups["message"].Value, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [GeneratedRegex(@"^\s*(?<file>\S+returns\.catalog\.json)\((?<line>\d+),(?<column>\d+)\): error VMCP005: (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex BuildError();

    private Task<StdioServer> StartConsumerAsync(params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["SHOP_BASE_URL"] = fixture.ShopApi.BaseUrl,
            ["CLERK_SECRET_KEY"] = fixture.Clerk.SecretKey,
            ["CLERK_API_URL"] = fixture.Clerk.BaseUrl,
            ["CLERK_USER_EMAIL"] = ClerkEmulatorSeed.AliceEmail,
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return StdioServer.StartAsync("dotnet", [fixture.ConsumerAssembly], environment);
    }

    private static string TextOf(CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));

    private static string Describe(CallToolResult result, StdioServer server) =>
        $"{TextOf(result)}{Environment.NewLine}stderr:{Environment.NewLine}{server.Stderr}";
}
