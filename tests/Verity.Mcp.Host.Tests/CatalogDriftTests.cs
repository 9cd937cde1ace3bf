using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>VERITY_CATALOG_PATH at run time: a catalog file that differs from the compiled one earns a rebuild warning.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CatalogDriftTests(DevStackFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("verity-drift-").FullName;

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task An_edited_catalog_file_is_reported_as_needing_a_rebuild(string variant)
    {
        var edited = Path.Combine(_directory, "edited.catalog.json");
        File.WriteAllText(edited, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "verity.catalog.json")).Replace("List the workspace's AI phone agents.", "List agents.", StringComparison.Ordinal));

        var stderr = await ServeAndCloseAsync(variant, edited);

        var warning = Assert.Single(stderr, line => line.Contains("VERITY_CATALOG_PATH", StringComparison.Ordinal));
        Assert.Contains("rebuild", warning, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task The_compiled_catalog_itself_is_not_reported(string variant)
    {
        var stderr = await ServeAndCloseAsync(variant, Path.Combine(AppContext.BaseDirectory, "verity.catalog.json"));

        Assert.DoesNotContain(stderr, line => line.Contains("VERITY_CATALOG_PATH", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<IReadOnlyList<string>> ServeAndCloseAsync(string variant, string catalogPath)
    {
        var session = await ServerSession.StartAsync(HostVariant.Named(variant), fixture.ServerEnvironment(("VERITY_CATALOG_PATH", catalogPath)));
        await using (session)
        {
            await session.Client.DisposeAsync();
            Assert.Equal(0, await session.Process.CloseInputAndWaitAsync(TimeSpan.FromSeconds(20)));
        }

        return session.Process.StderrLines;
    }
}
