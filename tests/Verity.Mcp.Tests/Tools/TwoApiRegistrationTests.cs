using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Auth;
using Verity.Mcp.Http;
using Verity.Mcp.Tests.Http;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Tools;

/// <summary>
/// Two catalogs in one process: each API's client is registered under its name, reads its own settings (keys
/// derived from the name) and its tools call its own loopback server.
/// </summary>
public sealed class TwoApiRegistrationTests
{
    /// <summary>Shaped like a generated tool: the descriptor names the API the tool belongs to.</summary>
    private sealed class ListTool(string apiName, string toolName, string path) : EndpointTool(
        new EndpointDescriptor(toolName, "GET", path, true, true, null, false, [], apiName),
        new ToolDefinition("List.", """{ "type": "object", "properties": {} }""", null, new ToolHints(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true)))
    {
        protected override ApiRequest BuildRequest(ToolArguments arguments) =>
            new ApiRequestBuilder(Endpoint).AppendLiteral(Endpoint.PathTemplate).Build();
    }

    [Fact]
    public async Task Each_catalogs_tools_call_their_own_API_with_its_own_settings()
    {
        await using var shop = await LoopbackApi.StartAsync(200, """{"from":"shop"}""");
        await using var books = await LoopbackApi.StartAsync(200, """{"from":"books"}""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SHOP_BASE_URL"] = shop.Url,
            ["SHOP_TIMEOUT_SECONDS"] = "7",
            // The second API through its configuration section (appsettings.json "BookStore": { … }, or BookStore__BaseUrl).
            ["BookStore:BaseUrl"] = books.Url,
            ["BookStore:MaxResponseBytes"] = "2048",
        }).Build();

        var services = new ServiceCollection().AddLogging();
        services.AddApiClient("Shop", configuration, defaultBaseUrl: "https://shop.invalid");
        services.AddApiClient("BookStore", configuration);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();

        var shopResult = await new ListTool("Shop", "shop_list_products", "/api/products").InvokeAsync(null, provider, CancellationToken.None);
        var booksResult = await new ListTool("BookStore", "books_list_titles", "/titles").InvokeAsync(null, provider, CancellationToken.None);

        Assert.Contains("shop", Text(shopResult), StringComparison.Ordinal);
        Assert.Contains("books", Text(booksResult), StringComparison.Ordinal);
        Assert.Equal(["/api/products"], shop.Requests.Select(request => request.PathAndQuery));
        Assert.Equal(["/titles"], books.Requests.Select(request => request.PathAndQuery));

        var options = provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>();
        Assert.Equal(7, options.Get("Shop").TimeoutSeconds);
        Assert.Equal(ApiClientOptions.DefaultMaxResponseBytes, options.Get("Shop").MaxResponseBytes);
        Assert.Equal(2048, options.Get("BookStore").MaxResponseBytes);
        Assert.Equal("BOOK_STORE_BASE_URL", options.Get("BookStore").Settings.BaseUrl);
    }

    [Fact]
    public void A_bad_setting_names_the_APIs_own_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SHOP_TIMEOUT_SECONDS"] = "soon",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddApiClient("Shop", configuration, defaultBaseUrl: "https://shop.example.com");
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("SHOP_TIMEOUT_SECONDS must be a whole number of seconds", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("VERITY_", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tool_of_an_API_without_a_client_says_which_API_to_register()
    {
        await using var shop = await LoopbackApi.StartAsync(200);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SHOP_BASE_URL"] = shop.Url }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddApiClient("Shop", configuration);
        await using var provider = services.BuildServiceProvider();

        var result = await new ListTool("Books", "books_list", "/titles").InvokeAsync(null, provider, CancellationToken.None);

        Assert.True(result.IsError);
        Assert.Contains("No client is registered for the Books API", Text(result), StringComparison.Ordinal);
        Assert.Equal(0, shop.Count);
    }

    [Fact]
    public async Task An_unreachable_API_is_reported_with_its_own_setting_and_no_host_command()
    {
        var closed = await LoopbackApi.StartAsync(200);
        var url = closed.Url;
        await closed.DisposeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SHOP_BASE_URL"] = url }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddApiClient("Shop", configuration);
        await using var provider = services.BuildServiceProvider();

        var text = Text(await new ListTool("Shop", "shop_list_products", "/api/products").InvokeAsync(null, provider, CancellationToken.None));

        Assert.Contains("could not reach the API", text, StringComparison.Ordinal);
        Assert.Contains("Check SHOP_BASE_URL and the network.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("VERITY", text, StringComparison.Ordinal);
        Assert.DoesNotContain("verity-mcp", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_names_its_own_configuration_check_in_results()
    {
        await using var shop = await LoopbackApi.StartAsync(401, """{"error":"no"}""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SHOP_BASE_URL"] = shop.Url }).Build();
        var services = new ServiceCollection().AddLogging();
        services.Configure<ToolResultTextOptions>(options => options.ConfigurationCheckCommand = "shop-mcp check");
        services.AddApiClient("Shop", configuration);
        await using var provider = services.BuildServiceProvider();

        var text = Text(await new ListTool("Shop", "shop_list_products", "/api/products").InvokeAsync(null, provider, CancellationToken.None));

        Assert.Contains("Run `shop-mcp check` to check CLERK_SECRET_KEY", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_API_sends_its_own_key()
    {
        await using var shop = await LoopbackApi.StartAsync(200, """{"from":"shop"}""");
        await using var books = await LoopbackApi.StartAsync(200, """{"from":"books"}""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SHOP_BASE_URL"] = shop.Url,
            ["SHOP_API_KEY"] = "shop-key-1",
            ["BOOK_STORE_BASE_URL"] = books.Url,
            ["BOOK_STORE_API_KEY"] = "books-key-2",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddApiClient("Shop", configuration).AddApiKeyAuthentication(configuration);
        services.AddApiClient("BookStore", configuration).AddApiKeyAuthentication(configuration);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        await new ListTool("Shop", "shop_list_products", "/api/products").InvokeAsync(null, provider, CancellationToken.None);
        await new ListTool("BookStore", "books_list_titles", "/titles").InvokeAsync(null, provider, CancellationToken.None);

        Assert.Equal("Bearer shop-key-1", Assert.Single(shop.Requests).Headers["Authorization"]);
        Assert.Equal("Bearer books-key-2", Assert.Single(books.Requests).Headers["Authorization"]);
    }

    [Fact]
    public void A_missing_key_names_the_APIs_own_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BOOK_STORE_BASE_URL"] = "https://books.example.com",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddApiClient("BookStore", configuration).AddApiKeyAuthentication(configuration);
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.StartsWith("BOOK_STORE_API_KEY is not set: set it to the BookStore API's key", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Shop", "SHOP")]
    [InlineData("MyShop", "MY_SHOP")]
    [InlineData("shop-api v2", "SHOP_API_V2")]
    [InlineData("Verity", "VERITY")]
    [InlineData("3D", "API_3_D")]
    public void Setting_prefix_is_derived_from_the_API_name(string apiName, string prefix) =>
        Assert.Equal(prefix, ApiSettingNames.PrefixFor(apiName));

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
