using System.IO.Compression;
using System.Text.Json;
using Verity.Packaging.Tests.Infrastructure;

namespace Verity.Packaging.Tests;

/// <summary>
/// The packed build/ props and targets, imported by a bare MSBuild project the way a project-reference consumer
/// imports them: VerityCatalog items become AdditionalFiles with the options as compiler-visible metadata.
/// Evaluation only, so these are quick.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class CatalogItemPropsTests(PackagingFixture fixture)
{
    [Fact]
    public async Task VerityCatalog_items_become_AdditionalFiles_with_compiler_visible_options()
    {
        var probe = CreateProbe("evaluate", ["shop.catalog.json", "billing.catalog.json"]);

        var result = (await DotnetCli.RunAsync(probe, ["msbuild", "probe.proj", "-getItem:AdditionalFiles", "-getItem:CompilerVisibleItemMetadata", "-getItem:CompilerVisibleProperty"],
            TimeSpan.FromMinutes(1))).EnsureSuccess();

        using var json = JsonDocument.Parse(result.Output);
        var items = json.RootElement.GetProperty("Items");
        var files = items.GetProperty("AdditionalFiles").EnumerateArray().ToDictionary(item => item.GetProperty("Filename").GetString() + item.GetProperty("Extension").GetString());
        Assert.Equal("Shop.Tools", files["shop.catalog.json"].GetProperty("VerityNamespace").GetString());
        Assert.Equal("shop_", files["shop.catalog.json"].GetProperty("VerityToolPrefix").GetString());
        Assert.Equal("", files["billing.catalog.json"].GetProperty("VerityNamespace").GetString());
        Assert.Equal("", files["billing.catalog.json"].GetProperty("VerityToolPrefix").GetString());

        var visible = items.GetProperty("CompilerVisibleItemMetadata").EnumerateArray()
            .Select(item => item.GetProperty("Identity").GetString() + "." + item.GetProperty("MetadataName").GetString()).ToArray();
        Assert.Contains("AdditionalFiles.VerityNamespace", visible);
        Assert.Contains("AdditionalFiles.VerityToolPrefix", visible);
        Assert.Contains(items.GetProperty("CompilerVisibleProperty").EnumerateArray(), item => item.GetProperty("Identity").GetString() == "RootNamespace");
    }

    [Theory]
    [InlineData("shop.json", "VMCP101")]
    [InlineData("missing.catalog.json", "VMCP100")]
    public async Task A_catalog_item_the_generator_would_not_read_is_a_build_error(string fileName, string code)
    {
        var probe = CreateProbe("check-" + code, [fileName]);
        if (code == "VMCP100")
        {
            File.Delete(Path.Combine(probe, "api", fileName));
        }

        var result = await DotnetCli.RunAsync(probe, ["msbuild", "probe.proj", "-t:VerityCheckCatalogItems"], TimeSpan.FromMinutes(1));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"error {code}: VerityCatalog 'api/{fileName}'", result.Output, StringComparison.Ordinal);
    }

    /// <summary>A bare project that imports the package's build/ files around its VerityCatalog items.</summary>
    private string CreateProbe(string name, IReadOnlyList<string> catalogs)
    {
        var directory = Path.Combine(fixture.Root, "probe-" + name);
        var build = Path.Combine(directory, "build");
        Directory.CreateDirectory(Path.Combine(directory, "api"));
        Directory.CreateDirectory(build);
        using (var package = ZipFile.OpenRead(fixture.PackagePath("Verity.Generator")))
        {
            package.GetEntry("build/Verity.Generator.props")!.ExtractToFile(Path.Combine(build, "Verity.Generator.props"), overwrite: true);
            package.GetEntry("build/Verity.Generator.targets")!.ExtractToFile(Path.Combine(build, "Verity.Generator.targets"), overwrite: true);
        }

        var items = string.Join(Environment.NewLine, catalogs.Select(catalog => catalog.StartsWith("shop", StringComparison.Ordinal)
            ? $"""    <VerityCatalog Include="api/{catalog}" Namespace="Shop.Tools" ToolPrefix="shop_" />"""
            : $"""    <VerityCatalog Include="api/{catalog}" />"""));
        foreach (var catalog in catalogs)
        {
            File.WriteAllText(Path.Combine(directory, "api", catalog), """{ "api": { "name": "Probe" }, "endpoints": [] }""");
        }

        File.WriteAllText(Path.Combine(directory, "probe.proj"), $"""
            <Project>
              <Import Project="build/Verity.Generator.props" />
              <ItemGroup>
            {items}
              </ItemGroup>
              <Import Project="build/Verity.Generator.targets" />
            </Project>
            """);
        return directory;
    }
}
