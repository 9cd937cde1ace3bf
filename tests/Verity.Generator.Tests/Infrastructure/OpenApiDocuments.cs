using Verity.Tests.Common;

namespace Verity.Generator.Tests.Infrastructure;

/// <summary>
/// Real public OpenAPI documents, from the npm packages that publish them (pinned in <c>OpenApiDocuments/package.json</c>
/// and its lock file). Installed with <c>npm ci</c> on first use (.ci/run installs them first); never committed.
/// </summary>
public static class OpenApiDocuments
{
    private static readonly NpmProject Project = new(
        ProjectDirectory,
        reason => $"The OpenAPI document tests need npm on PATH to install the documents: {reason}. Run `npm ci --prefix {ProjectDirectory}` once.")
    {
        IgnoreScripts = true,
        InstallTimeout = TimeSpan.FromMinutes(10),
    };

    private static readonly Lazy<string> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ProjectDirectory => Path.Combine(RepositoryPaths.TestProjectDirectory, "OpenApiDocuments");

    /// <summary>GitHub's REST API (api.github.com), OpenAPI 3.0.3 JSON, about 1,200 operations.</summary>
    public static string GitHubPath => PathOf("@octokit/openapi", "generated/api.github.com.json");

    /// <summary>Blockfrost's Cardano API, OpenAPI 3.0.3 YAML, about 130 operations without operationIds.</summary>
    public static string BlockfrostPath => PathOf("@blockfrost/openapi", "openapi.yaml");

    /// <summary>Directus's API, OpenAPI 3.0 JSON with many shared parameters and responses.</summary>
    public static string DirectusPath => PathOf("@directus/specs", "dist/openapi.json");

    public static string Read(string path) => File.ReadAllText(path);

    private static string PathOf(string package, string file) => Path.Combine(Installed.Value, package, file);

    /// <summary>Installs on a pool thread, so blocking on it cannot deadlock the test framework's synchronization context.</summary>
    private static string Install()
    {
        Task.Run(Project.EnsureInstalledAsync).GetAwaiter().GetResult();
        return Project.ModulesDirectory;
    }
}
