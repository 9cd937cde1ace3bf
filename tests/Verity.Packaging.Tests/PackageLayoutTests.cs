using System.Text.Json.Nodes;
using Verity.Packaging.Tests.Infrastructure;

namespace Verity.Packaging.Tests;

/// <summary>The packed .nupkg files, opened as zips: layout, nuspec metadata, tool settings and server.json.</summary>
[Collection(PackagingCollection.Name)]
public sealed class PackageLayoutTests(PackagingFixture fixture)
{
    [Fact]
    public void Pack_produces_the_three_packages_and_symbol_packages_only()
    {
        var files = Directory.GetFiles(fixture.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();

        string[] expected =
        [
            $"Verity.Generator.{fixture.PackageVersion}.nupkg",
            $"Verity.Mcp.{fixture.PackageVersion}.nupkg",
            $"Verity.Mcp.{fixture.PackageVersion}.snupkg",
            $"verity-mcp.{fixture.PackageVersion}.nupkg",
            $"verity-mcp.any.{fixture.PackageVersion}.nupkg",
            $"verity-mcp.any.{fixture.PackageVersion}.snupkg",
            .. PackagingFixture.PacksNativeTool
                ? new[] { $"verity-mcp.linux-x64.{fixture.PackageVersion}.nupkg", $"verity-mcp.linux-x64.{fixture.PackageVersion}.snupkg" }
                : [],
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void Pack_writes_its_generated_files_under_the_build_folder_not_into_the_sources()
    {
        // The packed server.json is written to the intermediate folder; a stray copy in the project would be committed.
        Assert.False(Directory.Exists(Path.Combine(RepositoryPaths.Root, "src", "Verity.Mcp.Host", "mcp")));
        // One per tool package: the pointer and each per-platform package are packed from their own intermediate folder.
        Assert.Equal(1 + PackagingFixture.ToolPackageRids.Count,
            Directory.GetFiles(RepositoryPaths.PackBuildFolder, "server.json", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Generator_package_has_the_analyzer_the_catalog_props_and_no_library()
    {
        using var package = new NupkgFile(fixture.PackagePath("Verity.Generator"));

        Assert.Contains("analyzers/dotnet/cs/Verity.Generator.dll", package.Entries);
        // The analyzer's YAML reader (OpenAPI documents in YAML) loads from beside it.
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", package.Entries);
        Assert.Contains("build/Verity.Generator.props", package.Entries);
        Assert.Contains("build/Verity.Generator.targets", package.Entries);
        Assert.Contains("buildTransitive/Verity.Generator.props", package.Entries);
        Assert.Contains("buildTransitive/Verity.Generator.targets", package.Entries);
        Assert.DoesNotContain(package.Entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal));
        // Roslyn is the compiler's own: bundling it would load a second copy into the compiler.
        Assert.DoesNotContain(package.Entries, entry => entry.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));

        var props = package.ReadText("build/Verity.Generator.props");
        Assert.Contains("""<CompilerVisibleItemMetadata Include="AdditionalFiles" MetadataName="VerityNamespace" />""", props, StringComparison.Ordinal);
        Assert.Contains("""<CompilerVisibleItemMetadata Include="AdditionalFiles" MetadataName="VerityToolPrefix" />""", props, StringComparison.Ordinal);
        Assert.Contains("""<CompilerVisibleItemMetadata Include="AdditionalFiles" MetadataName="VerityFormat" />""", props, StringComparison.Ordinal);
        Assert.Contains("Verity.Generator.props", package.ReadText("buildTransitive/Verity.Generator.props"), StringComparison.Ordinal);
        Assert.Contains("Verity.Generator.targets", package.ReadText("buildTransitive/Verity.Generator.targets"), StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_package_depends_on_the_runtime_package_of_the_same_version()
    {
        using var package = new NupkgFile(fixture.PackagePath("Verity.Generator"));

        var dependency = Assert.Single(package.Descendants("dependency"));
        Assert.Equal("Verity.Mcp", dependency.Attribute("id")?.Value);
        Assert.Equal(fixture.PackageVersion, dependency.Attribute("version")?.Value);
        Assert.Equal("net10.0", dependency.Parent?.Attribute("targetFramework")?.Value);
        // A development dependency would keep Verity.Mcp's compile assets from the consumer.
        Assert.NotEqual("true", package.MetadataValue("developmentDependency"));
    }

    [Fact]
    public void Runtime_package_is_a_net10_library_with_its_dependencies_and_symbols()
    {
        using var package = new NupkgFile(fixture.PackagePath("Verity.Mcp"));
        using var symbols = new NupkgFile(fixture.PackagePath("Verity.Mcp", ".snupkg"));

        Assert.Contains("lib/net10.0/Verity.Mcp.dll", package.Entries);
        Assert.DoesNotContain(package.Entries, entry => entry.EndsWith(".pdb", StringComparison.Ordinal));
        Assert.Contains("lib/net10.0/Verity.Mcp.pdb", symbols.Entries);
        var dependencies = package.Descendants("dependency").Select(element => element.Attribute("id")?.Value).ToArray();
        Assert.Contains("ModelContextProtocol", dependencies);
        Assert.Contains("Microsoft.Extensions.Http.Resilience", dependencies);
    }

    [Fact]
    public void Tool_package_is_a_dotnet_tool_named_verity_mcp_and_an_mcp_server_package()
    {
        using var package = new NupkgFile(fixture.PackagePath("verity-mcp"));

        var packageTypes = package.Descendants("packageType").Select(element => element.Attribute("name")?.Value).ToArray();
        Assert.Contains("DotnetTool", packageTypes);
        Assert.Contains("McpServer", packageTypes);
    }

    [Fact]
    public void Tool_package_points_to_the_native_linux_x64_package_and_the_framework_dependent_fallback()
    {
        using var package = new NupkgFile(fixture.PackagePath("verity-mcp"));

        var settings = package.ReadText("tools/any/any/DotnetToolSettings.xml");
        Assert.Contains("""<RuntimeIdentifierPackage RuntimeIdentifier="linux-x64" Id="verity-mcp.linux-x64" />""", settings, StringComparison.Ordinal);
        Assert.Contains("""<RuntimeIdentifierPackage RuntimeIdentifier="any" Id="verity-mcp.any" />""", settings, StringComparison.Ordinal);
        // The pointer package carries no code of its own.
        Assert.DoesNotContain(package.Entries, entry => entry.EndsWith(".dll", StringComparison.Ordinal));
    }

    [Fact]
    public void Native_tool_package_holds_one_executable_and_no_managed_assemblies()
    {
        if (!PackagingFixture.PacksNativeTool)
        {
            return; // Native AOT cannot cross-compile: only a linux-x64 machine packs this package.
        }

        using var package = new NupkgFile(fixture.PackagePath("verity-mcp.linux-x64"));

        Assert.Contains("DotnetToolRidPackage", package.Descendants("packageType").Select(element => element.Attribute("name")?.Value));
        // Self-contained, so the SDK files it under "any" instead of a target framework.
        var settings = package.ReadText("tools/any/linux-x64/DotnetToolSettings.xml");
        Assert.Contains("""<Command Name="verity-mcp" EntryPoint="verity-mcp" Runner="executable" />""", settings, StringComparison.Ordinal);
        Assert.Contains("tools/any/linux-x64/verity-mcp", package.Entries);
        Assert.DoesNotContain(package.Entries, entry => entry.EndsWith(".dll", StringComparison.Ordinal));
        // Its debug symbols, twice its size, stay out of what every user downloads.
        Assert.DoesNotContain(package.Entries, entry => entry.EndsWith(".dbg", StringComparison.Ordinal));
    }

    [Fact]
    public void Framework_dependent_tool_package_runs_on_the_shared_runtime()
    {
        using var package = new NupkgFile(fixture.PackagePath("verity-mcp.any"));

        var settings = package.ReadText("tools/net10.0/any/DotnetToolSettings.xml");
        Assert.Contains("""<Command Name="verity-mcp" EntryPoint="verity-mcp.dll" Runner="dotnet" />""", settings, StringComparison.Ordinal);
        Assert.Contains("tools/net10.0/any/verity-mcp.dll", package.Entries);
        Assert.Contains("tools/net10.0/any/Verity.Mcp.dll", package.Entries);
        Assert.Contains("tools/net10.0/any/ModelContextProtocol.Core.dll", package.Entries);
        // The catalog is compiled in: the analyzer is a build-time tool and never ships with the server.
        Assert.DoesNotContain(package.Entries, entry => entry.EndsWith("Verity.Generator.dll", StringComparison.Ordinal));
        // A tool carries everything it needs; it has no package dependencies.
        Assert.Empty(package.Descendants("dependency"));
    }

    [Fact]
    public void Tool_package_carries_no_dev_stack_and_needs_no_ASP_NET_Core()
    {
        using var package = new NupkgFile(fixture.PackagePath("verity-mcp.any"));

        // The server Cursor runs is lean: the Clerk emulator, the sample API and their web server live in verity-devstack.
        Assert.DoesNotContain(package.Entries, entry => entry.Contains("Verity.DevStack", StringComparison.Ordinal));
        Assert.DoesNotContain(package.Entries, entry => entry.Contains("AspNetCore", StringComparison.Ordinal));
        var runtimeConfig = package.ReadText("tools/net10.0/any/verity-mcp.runtimeconfig.json");
        Assert.Contains("Microsoft.NETCore.App", runtimeConfig, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.AspNetCore.App", runtimeConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_json_names_the_package_its_version_stdio_and_the_environment_variables()
    {
        using var package = new NupkgFile(fixture.PackagePath("verity-mcp"));

        var server = JsonNode.Parse(package.ReadText(".mcp/server.json"))!;
        Assert.Equal("https://static.modelcontextprotocol.io/schemas/2025-10-17/server.schema.json", (string?)server["$schema"]);
        Assert.Matches("^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$", (string?)server["name"]);
        Assert.InRange(((string?)server["description"])!.Length, 1, 100);
        Assert.Equal(fixture.PackageVersion, (string?)server["version"]);

        var entry = Assert.Single(server["packages"]!.AsArray())!;
        Assert.Equal("nuget", (string?)entry["registryType"]);
        Assert.Equal("verity-mcp", (string?)entry["identifier"]);
        Assert.Equal(fixture.PackageVersion, (string?)entry["version"]);
        Assert.Equal("stdio", (string?)entry["transport"]!["type"]);
        // Clients start it with dnx: no prior install, and the native package where there is one.
        Assert.Equal("dnx", (string?)entry["runtimeHint"]);

        var variables = entry["environmentVariables"]!.AsArray().ToDictionary(variable => (string)variable!["name"]!, variable => variable!);
        Assert.True((bool)variables["CLERK_SECRET_KEY"]["isRequired"]!);
        Assert.True((bool)variables["CLERK_SECRET_KEY"]["isSecret"]!);
        Assert.True((bool)variables["VERITY_API_KEY"]["isSecret"]!);
        foreach (var name in new[] { "CLERK_USER_EMAIL", "CLERK_USER_ID", "CLERK_SESSION_ID", "CLERK_API_URL", "VERITY_BASE_URL", "VERITY_TOOLS", "VERITY_READ_ONLY" })
        {
            Assert.True(variables.ContainsKey(name), $"server.json does not declare {name}.");
            Assert.False((bool)variables[name]["isRequired"]!);
            Assert.False((bool)variables[name]["isSecret"]!);
        }

        Assert.All(variables.Values, variable => Assert.False(string.IsNullOrWhiteSpace((string?)variable["description"])));

        // The MCP Registry proves package ownership by finding the server's name in the package README.
        Assert.Contains($"mcp-name: {(string?)server["name"]}", package.ReadText("README.md"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Verity.Generator")]
    [InlineData("Verity.Mcp")]
    [InlineData("verity-mcp")]
    public void Every_package_has_a_readme_the_MIT_license_a_description_and_its_version(string id)
    {
        using var package = new NupkgFile(fixture.PackagePath(id));

        Assert.Equal(id, package.MetadataValue("id"));
        Assert.Equal(fixture.PackageVersion, package.MetadataValue("version"));
        Assert.False(string.IsNullOrWhiteSpace(package.MetadataValue("description")));
        Assert.Equal("Verity", package.MetadataValue("authors"));
        var license = package.MetadataElement("license");
        Assert.Equal("expression", license?.Attribute("type")?.Value);
        Assert.Equal("MIT", license?.Value);
        Assert.Equal("README.md", package.MetadataValue("readme"));
        Assert.StartsWith($"# {id}", package.ReadText("README.md"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Verity.Mcp")]
    [InlineData("verity-mcp")]
    public void Packages_record_the_commit_they_were_packed_from(string id)
    {
        using var package = new NupkgFile(fixture.PackagePath(id));
        if (!Directory.Exists(Path.Combine(RepositoryPaths.Root, ".git")) && !File.Exists(Path.Combine(RepositoryPaths.Root, ".git")))
        {
            return; // Packed from a copy without git: there is no commit to record.
        }

        var repository = package.MetadataElement("repository");
        Assert.NotNull(repository);
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value);
    }
}
