using System.Diagnostics;
using System.Text.Json;

namespace Verity.Generator.Tests.Infrastructure;

/// <summary>
/// Real public OpenAPI documents, from the npm packages that publish them (pinned in <c>OpenApiDocuments/package.json</c>
/// and its lock file). Installed with <c>npm ci</c> on first use (.ci/run installs them first); never committed.
/// </summary>
public static class OpenApiDocuments
{
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

    private static string Install()
    {
        var modules = Path.Combine(ProjectDirectory, "node_modules");
        if (IsInstalled(modules))
        {
            return modules;
        }

        var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund --ignore-scripts")
        {
            WorkingDirectory = ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"The OpenAPI document tests need npm on PATH to install the documents: {exception.Message}. Run `npm ci --prefix {ProjectDirectory}` once.", exception);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"`npm ci` in {ProjectDirectory} took over 10 minutes.");
            }

            if (process.ExitCode != 0 || !IsInstalled(modules))
            {
                throw new InvalidOperationException($"`npm ci` in {ProjectDirectory} failed ({process.ExitCode}).\n{stdout.Result}\n{stderr.Result}");
            }
        }

        return modules;
    }

    /// <summary>Every package of package.json installed at exactly its pinned version.</summary>
    private static bool IsInstalled(string modules)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(ProjectDirectory, "package.json")));
        foreach (var dependency in manifest.RootElement.GetProperty("dependencies").EnumerateObject())
        {
            var installed = Path.Combine(modules, dependency.Name, "package.json");
            if (!File.Exists(installed))
            {
                return false;
            }

            using var package = JsonDocument.Parse(File.ReadAllText(installed));
            if (package.RootElement.GetProperty("version").GetString() != dependency.Value.GetString())
            {
                return false;
            }
        }

        return true;
    }
}
