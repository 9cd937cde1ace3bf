using Verity.DevStack.Clerk;
using Verity.Packaging.Tests.Infrastructure;

namespace Verity.Packaging.Tests;

/// <summary>
/// The project-reference route: the Shop consumer references the generator project as an analyzer and the runtime
/// project, imports the generator's build/ props and targets, builds, and serves its catalog's tools.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class ProjectReferenceConsumerTests(PackagingFixture fixture)
{
    [Fact]
    public async Task Consumer_with_project_references_and_the_imported_props_builds_and_serves_its_tools()
    {
        var directory = Path.Combine(fixture.Root, "ShopByProjectReference");
        ShopConsumer.CreateWithProjectReferences(fixture.Root, directory);

        // The pack has just built the referenced projects (Release, in its build folder), so this build uses those
        // outputs (--no-dependencies) and compiles the consumer only: the route's analyzer reference and imported
        // props/targets are what is tested here, not a second build of the repository's projects.
        var build = await DotnetCli.RunAsync(directory,
            ["build", "Shop.csproj", "-c", "Release", "--artifacts-path", RepositoryPaths.PackBuildFolder, $"-p:Version={fixture.PackageVersion}",
             "--no-dependencies", "--disable-build-servers", "-nodeReuse:false"],
            TimeSpan.FromMinutes(4));
        Assert.True(build.ExitCode == 0, build.Output);
        var assembly = Directory.GetFiles(Path.Combine(RepositoryPaths.PackBuildFolder, "bin", "Shop"), "Shop.dll", SearchOption.AllDirectories).Single();

        await using var server = await StdioServer.StartAsync("dotnet", [assembly], new Dictionary<string, string>
        {
            ["SHOP_BASE_URL"] = fixture.ShopApi.BaseUrl,
            ["CLERK_SECRET_KEY"] = fixture.Clerk.SecretKey,
            ["CLERK_API_URL"] = fixture.Clerk.BaseUrl,
            ["CLERK_USER_EMAIL"] = ClerkEmulatorSeed.AliceEmail,
        });
        var tools = await server.Client.ListToolsAsync();

        Assert.Equal(["shop_create_order", "shop_get_product", "shop_list_products", "shop_list_reviews"], tools.Select(tool => tool.Name).Order(StringComparer.Ordinal));
    }
}
