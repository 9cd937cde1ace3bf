using System.Text.Json;
using Verity.DevStack.Clerk;
using Verity.Packaging.Tests.Infrastructure;

namespace Verity.Packaging.Tests;

/// <summary>
/// The host serves whatever catalog it is built with: <c>VERITY_CATALOG_PATH</c> names the Shop catalog (another
/// <c>api.name</c>, no Verity namespace), the host builds, lists the Shop tools and calls the Shop API.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class HostWithAnotherCatalogTests(PackagingFixture fixture)
{
    [Fact]
    public async Task Host_built_with_the_Shop_catalog_lists_and_calls_the_Shop_tools()
    {
        var catalog = Path.Combine(RepositoryPaths.ConsumerTemplate, "api", "shop.catalog.json");
        var artifacts = Path.Combine(fixture.Root, "HostWithShop");
        var build = await DotnetCli.RunAsync(RepositoryPaths.Root,
            ["build", Path.Combine(RepositoryPaths.Root, "src", "Verity.Mcp.Host"), $"-p:VERITY_CATALOG_PATH={catalog}",
             "--artifacts-path", artifacts, "--disable-build-servers", "-nodeReuse:false"],
            TimeSpan.FromMinutes(6));
        Assert.True(build.ExitCode == 0, build.Output);
        var host = Directory.GetFiles(Path.Combine(artifacts, "bin", "Verity.Mcp.Host"), "verity-mcp.dll", SearchOption.AllDirectories).Single();

        var tools = await DotnetCli.RunAsync(fixture.Root, [host, "tools", "--json"], TimeSpan.FromMinutes(1));
        Assert.True(tools.ExitCode == 0, tools.Output);
        using var listing = JsonDocument.Parse(tools.Output[tools.Output.IndexOf('{', StringComparison.Ordinal)..]);
        var names = listing.RootElement.GetProperty("tools").EnumerateArray().Select(tool => tool.GetProperty("name").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["store_create_order", "store_get_product", "store_list_products"], names);

        var call = await DotnetCli.RunAsync(fixture.Root,
            [host, "call", "store_get_product", "--args", """{"productId":"prd_2"}""",
             $"--VERITY_BASE_URL={fixture.ShopApi.BaseUrl}", $"--CLERK_SECRET_KEY={fixture.Clerk.SecretKey}",
             $"--CLERK_API_URL={fixture.Clerk.BaseUrl}", $"--CLERK_USER_EMAIL={ClerkEmulatorSeed.AliceEmail}"],
            TimeSpan.FromMinutes(1));
        Assert.True(call.ExitCode == 0, call.Output);
        Assert.Contains("Catan", call.Output, StringComparison.Ordinal);
        Assert.Contains(fixture.ShopApi.Requests, request => request.PathAndQuery == "/api/products/prd_2");
    }
}
