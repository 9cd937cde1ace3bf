using System.Text.Json;
using System.Text.Json.Nodes;
using Verity.DevStack.Clerk;
using Verity.Packaging.Tests.Infrastructure;

namespace Verity.Packaging.Tests;

/// <summary>The verity-mcp package installed as a .NET tool from the local feed, then started the way Cursor starts it.</summary>
[Collection(PackagingCollection.Name)]
public sealed class InstalledToolTests(PackagingFixture fixture)
{
    [Fact]
    public async Task Installed_tool_starts_and_answers_tools_list()
    {
        var command = await InstallAsync();

        await using var server = await StdioServer.StartAsync(command, [], new Dictionary<string, string>
        {
            ["CLERK_SECRET_KEY"] = fixture.Clerk.SecretKey,
            ["CLERK_API_URL"] = fixture.Clerk.BaseUrl,
            ["CLERK_USER_EMAIL"] = ClerkEmulatorSeed.AliceEmail,
            ["VERITY_BASE_URL"] = fixture.ShopApi.BaseUrl,
        });
        var tools = await server.Client.ListToolsAsync();

        var serverInfo = server.Client.ServerInfo;
        Assert.NotNull(serverInfo);
        Assert.Equal("verity", serverInfo.Name);
        // The version just packed: not a stale copy from a cache.
        Assert.Equal(fixture.PackageVersion, serverInfo.Version);
        // The tool serves the catalog compiled into it: the repository's Verity catalog.
        using var catalog = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "catalog", "verity.catalog.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var endpoints = catalog.RootElement.GetProperty("endpoints").EnumerateArray().ToArray();
        Assert.Equal(endpoints.Length, tools.Count);
        var names = tools.Select(tool => tool.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            if (endpoint.TryGetProperty("tool", out var tool))
            {
                Assert.Contains(tool.GetString()!, names);
            }
        }
    }

    [Fact]
    public async Task Installed_tool_knows_every_setting_its_server_json_declares()
    {
        var command = await InstallAsync();
        using var package = new NupkgFile(fixture.PackagePath("verity-mcp"));
        var server = JsonNode.Parse(package.ReadText(".mcp/server.json"))!;

        var version = (await DotnetCli.RunProgramAsync(command, fixture.Root, ["--version"], TimeSpan.FromMinutes(1))).EnsureSuccess();
        var help = (await DotnetCli.RunProgramAsync(command, fixture.Root, ["--help"], TimeSpan.FromMinutes(1))).EnsureSuccess();

        Assert.Equal(fixture.PackageVersion, version.Output.Trim());
        var settings = help.Output.Split('\n').Select(line => line.Trim().Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var variable in server["packages"]![0]!["environmentVariables"]!.AsArray())
        {
            Assert.Contains((string)variable!["name"]!, settings);
        }
    }

    [Fact]
    public async Task Installed_tool_on_linux_x64_is_the_native_AOT_executable_elsewhere_the_framework_dependent_one()
    {
        var command = await InstallAsync();

        // On Unix the command is a link into the tool store; its target is what actually runs.
        if (PackagingFixture.PacksNativeTool)
        {
            var target = File.ResolveLinkTarget(command, returnFinalTarget: true)?.FullName ?? command;
            var beside = Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName).ToArray();
            Assert.Equal("linux-x64", Path.GetFileName(Path.GetDirectoryName(target)));
            Assert.Equal("\u007FELF"u8.ToArray(), File.ReadAllBytes(target)[..4]);
            // Native AOT: no managed assembly to load, no runtime to start.
            Assert.DoesNotContain(beside, file => file!.EndsWith(".dll", StringComparison.Ordinal));
        }
        else
        {
            // Elsewhere the fallback package: the framework-dependent assembly, run by the shared runtime.
            var store = Path.Combine(Path.GetDirectoryName(command)!, ".store");
            Assert.NotEmpty(Directory.GetFiles(store, "verity-mcp.dll", SearchOption.AllDirectories));
        }
    }

    [Fact]
    public async Task Dnx_runs_the_tool_package_without_an_install()
    {
        // What server.json names and docs/cursor.md shows: dnx fetches the package for this platform and runs it.
        var result = (await DotnetCli.RunAsync(fixture.Root,
            ["dnx", $"verity-mcp@{fixture.PackageVersion}", "--add-source", fixture.Feed, "--yes", "--", "--version"],
            TimeSpan.FromMinutes(3))).EnsureSuccess();

        Assert.Contains(fixture.PackageVersion, result.Output.Split('\n').Select(line => line.Trim()));
    }

    /// <summary>
    /// dotnet tool install from the local feed, once per run (tests of one collection never run at the same time);
    /// returns the installed command.
    /// </summary>
    private async Task<string> InstallAsync()
    {
        var toolPath = Path.Combine(fixture.Root, "tools");
        var command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "verity-mcp.exe" : "verity-mcp");
        if (!File.Exists(command))
        {
            (await DotnetCli.RunAsync(fixture.Root,
                ["tool", "install", "--tool-path", toolPath, "--add-source", fixture.Feed, "--version", fixture.PackageVersion, "verity-mcp"],
                TimeSpan.FromMinutes(3))).EnsureSuccess();
        }

        Assert.True(File.Exists(command), $"dotnet tool install did not create {command}.");
        return command;
    }
}
