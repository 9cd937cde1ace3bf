using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Verity.DevStack.Clerk;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Verity.Packaging.Tests.Infrastructure;

/// <summary>
/// Done once per test run, because it is slow: packs the solution with the documented command into a folder feed,
/// creates the Shop consumer project in a temp folder and builds it against that feed (one restore), and starts the
/// Clerk emulator and the Shop API the consumer's tools call.
/// The packages get a version no earlier run used, so nothing stale in the NuGet caches can stand in for them.
/// </summary>
public sealed class PackagingFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "verity-packaging-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));

    public string PackageVersion { get; } = $"0.1.0-ci{DateTime.UtcNow:yyyyMMddHHmmss}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    public string Feed => Path.Combine(Root, "feed");

    /// <summary>Native AOT cannot cross-compile, so only a linux-x64 machine packs the linux-x64 tool package.</summary>
    public static bool PacksNativeTool { get; } = OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64;

    public static IReadOnlyList<string> ToolPackageRids { get; } = PacksNativeTool ? ["any", "linux-x64"] : ["any"];

    public string ConsumerDirectory => Path.Combine(Root, "Shop");

    public string ConsumerAssembly => Path.Combine(ConsumerDirectory, "bin", "Debug", "net10.0", "Shop.dll");

    internal CommandResult ConsumerBuild { get; private set; } = null!;

    internal ClerkEmulator Clerk { get; private set; } = null!;

    internal ShopApiServer ShopApi { get; private set; } = null!;

    public string PackagePath(string id, string extension = ".nupkg") => Path.Combine(Feed, $"{id}.{PackageVersion}{extension}");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);

        // The documented pack command, plus a private build folder and this run's version.
        var stage = Stopwatch.StartNew();
        (await DotnetCli.RunAsync(RepositoryPaths.Root,
            ["pack", RepositoryPaths.Solution, "-c", "Release", "-o", Feed, $"-p:Version={PackageVersion}",
             "--artifacts-path", RepositoryPaths.PackBuildFolder, "--disable-build-servers", "-nodeReuse:false"],
            PackTimeout)).EnsureSuccess();
        Report($"pack: {stage.Elapsed.TotalSeconds:F1} s");

        // The tool's per-platform packages, packed one RID at a time as the SDK requires for Native AOT tools:
        // the framework-dependent fallback everywhere, the Native AOT one only where this machine can compile it.
        foreach (var rid in ToolPackageRids)
        {
            stage.Restart();
            (await DotnetCli.RunAsync(RepositoryPaths.Root,
                ["pack", RepositoryPaths.HostProject, "-c", "Release", "-r", rid, "-o", Feed, $"-p:Version={PackageVersion}",
                 "--artifacts-path", RepositoryPaths.PackBuildFolder, "--disable-build-servers", "-nodeReuse:false"],
                PackTimeout)).EnsureSuccess();
            Report($"pack verity-mcp for {rid}: {stage.Elapsed.TotalSeconds:F1} s");
        }

        stage.Restart();
        Clerk = await ClerkEmulator.StartAsync();
        ShopApi = await ShopApiServer.StartAsync(Clerk);
        Report($"Clerk emulator and Shop API: {stage.Elapsed.TotalSeconds:F1} s");

        stage.Restart();
        ShopConsumer.Create(Root, ConsumerDirectory, Feed, PackageVersion);
        ConsumerBuild = await BuildConsumerAsync(restore: true);
        Report($"consumer restore and build: {stage.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Stage timings, shown with xUnit's diagnostic messages (on in xunit.runner.json).</summary>
    private void Report(string message) => diagnostics.OnMessage(new DiagnosticMessage($"Packaging fixture: {message}"));

    /// <summary>Builds the consumer as a user would (<c>dotnet build</c>); only the first build restores.</summary>
    internal Task<CommandResult> BuildConsumerAsync(bool restore = false)
    {
        List<string> arguments = ["build", Path.Combine(ConsumerDirectory, "Shop.csproj"), "--disable-build-servers", "-nodeReuse:false"];
        if (!restore)
        {
            arguments.Add("--no-restore");
        }

        return DotnetCli.RunAsync(ConsumerDirectory, arguments, BuildTimeout);
    }

    public async Task DisposeAsync()
    {
        if (ShopApi is not null)
        {
            await ShopApi.DisposeAsync();
        }

        if (Clerk is not null)
        {
            await Clerk.DisposeAsync();
        }

        DeleteQuietly(Root);

        // This run's version is never used again: leave no copies of it in the global packages folder.
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "verity.generator", "verity.mcp", "verity-mcp", "verity-mcp.any", "verity-mcp.linux-x64" })
        {
            DeleteQuietly(Path.Combine(globalPackages, id, PackageVersion));
            if (Directory.Exists(Path.Combine(globalPackages, id)) && !Directory.EnumerateFileSystemEntries(Path.Combine(globalPackages, id)).Any())
            {
                DeleteQuietly(Path.Combine(globalPackages, id));
            }
        }
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackagingCollection : ICollectionFixture<PackagingFixture>
{
    public const string Name = "Packaging";
}
