using ModelContextProtocol.Protocol;
using Verity.DevStack.Clerk;
using Verity.Packaging.Tests.Infrastructure;

namespace Verity.Packaging.Tests;

/// <summary>
/// The two-API example of docs/use-in-your-project.md: two catalogs compiled into one project, each API with its own
/// client (AddApiClient) and settings (SHOP_BASE_URL, OUTLET_BASE_URL); each tool calls its own API's server.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class TwoApiConsumerTests(PackagingFixture fixture)
{
    [Fact]
    public async Task Each_catalogs_tools_call_their_own_server()
    {
        var directory = Path.Combine(fixture.Root, "TwoApis");
        ShopConsumer.CreateWithTwoApis(fixture.Root, directory);

        // Like the project-reference consumer: the pack has built the referenced projects; compile the consumer only.
        var build = await DotnetCli.RunAsync(directory,
            ["build", "TwoApis.csproj", "-c", "Release", "--artifacts-path", RepositoryPaths.PackBuildFolder, $"-p:Version={fixture.PackageVersion}",
             "--no-dependencies", "--disable-build-servers", "-nodeReuse:false"],
            TimeSpan.FromMinutes(4));
        Assert.True(build.ExitCode == 0, build.Output);
        var assembly = Directory.GetFiles(Path.Combine(RepositoryPaths.PackBuildFolder, "bin", "TwoApis"), "TwoApis.dll", SearchOption.AllDirectories).Single();

        await using var outlet = await ShopApiServer.StartAsync(fixture.Clerk);
        await using var server = await StdioServer.StartAsync("dotnet", [assembly], new Dictionary<string, string>
        {
            ["SHOP_BASE_URL"] = fixture.ShopApi.BaseUrl,
            ["OUTLET_BASE_URL"] = outlet.BaseUrl,
            ["CLERK_SECRET_KEY"] = fixture.Clerk.SecretKey,
            ["CLERK_API_URL"] = fixture.Clerk.BaseUrl,
            ["CLERK_USER_EMAIL"] = ClerkEmulatorSeed.AliceEmail,
        });

        var tools = await server.Client.ListToolsAsync();
        Assert.Equal(
            ["outlet_create_order", "outlet_get_product", "outlet_list_products", "shop_create_order", "shop_get_product", "shop_list_products"],
            tools.Select(tool => tool.Name).Order(StringComparer.Ordinal));

        var fromShop = await server.Client.CallToolAsync("shop_get_product", new Dictionary<string, object?> { ["productId"] = "prd_1" });
        var fromOutlet = await server.Client.CallToolAsync("outlet_get_product", new Dictionary<string, object?> { ["productId"] = "prd_3" });

        Assert.False(fromShop.IsError is true, Text(fromShop));
        Assert.Contains("The Pragmatic Programmer", Text(fromShop), StringComparison.Ordinal);
        Assert.False(fromOutlet.IsError is true, Text(fromOutlet));
        Assert.Contains("Dune", Text(fromOutlet), StringComparison.Ordinal);
        Assert.Contains(fixture.ShopApi.Requests, request => request.PathAndQuery == "/api/products/prd_1");
        Assert.DoesNotContain(fixture.ShopApi.Requests, request => request.PathAndQuery == "/api/products/prd_3");
        Assert.Equal(["/api/products/prd_3"], outlet.Requests.Select(request => request.PathAndQuery));
    }

    private static string Text(CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(block => block.Text));
}
