namespace Verity.Packaging.Tests.Infrastructure;

/// <summary>
/// Writes the Shop consumer project into a folder outside the repository: its csproj (referencing Verity.Generator at
/// the packed version), Program.cs, its own catalog, and a nuget.config that adds the local feed to the usual sources.
/// </summary>
internal static class ShopConsumer
{
    public static void Create(string root, string directory, string feed, string packageVersion)
    {
        var template = RepositoryPaths.ConsumerTemplate;
        WriteSources(root, directory, File.ReadAllText(Path.Combine(template, "Shop.csproj.template"))
            .Replace("$VERITY_VERSION$", packageVersion, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="verity-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>The same consumer on the project-reference route: the repository's projects and build/ files.</summary>
    public static void CreateWithProjectReferences(string root, string directory)
    {
        var repository = RepositoryPaths.Root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        WriteSources(root, directory, File.ReadAllText(Path.Combine(RepositoryPaths.ConsumerTemplate, "ShopProjectReferences.csproj.template"))
            .Replace("$REPO$", repository, StringComparison.Ordinal));
    }

    /// <summary>
    /// A consumer with two catalogs on the project-reference route: the Shop catalog and the same endpoints as the
    /// "Outlet" API (another api.name and namespace), each served by its own server.
    /// </summary>
    public static void CreateWithTwoApis(string root, string directory)
    {
        var repository = RepositoryPaths.Root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var template = Path.Combine(RepositoryPaths.ConsumerTemplate, "TwoApis");
        WriteSources(root, directory, File.ReadAllText(Path.Combine(template, "TwoApis.csproj.template"))
            .Replace("$REPO$", repository, StringComparison.Ordinal));
        File.Move(Path.Combine(directory, "Shop.csproj"), Path.Combine(directory, "TwoApis.csproj"), overwrite: true);
        File.Copy(Path.Combine(template, "Program.cs"), Path.Combine(directory, "Program.cs"), overwrite: true);
        var shop = File.ReadAllText(Path.Combine(directory, "api", "shop.catalog.json"));
        var outlet = shop.Replace("\"name\": \"Shop\"", "\"name\": \"Outlet\"", StringComparison.Ordinal);
        if (outlet == shop)
        {
            throw new InvalidOperationException("The Shop catalog's api.name was not found, so the Outlet catalog would be the same API.");
        }

        File.WriteAllText(Path.Combine(directory, "api", "outlet.catalog.json"), outlet);
    }

    private static void WriteSources(string root, string directory, string project)
    {
        // Stop MSBuild's search for Directory.Build.* files at the temp root, so nothing above it can leak in.
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");

        var template = RepositoryPaths.ConsumerTemplate;
        Directory.CreateDirectory(Path.Combine(directory, "api"));
        File.WriteAllText(Path.Combine(directory, "Shop.csproj"), project);
        File.Copy(Path.Combine(template, "Program.cs"), Path.Combine(directory, "Program.cs"), overwrite: true);
        File.Copy(Path.Combine(template, "api", "shop.catalog.json"), Path.Combine(directory, "api", "shop.catalog.json"), overwrite: true);
        File.Copy(Path.Combine(template, "api", "reviews.openapi.yaml"), Path.Combine(directory, "api", "reviews.openapi.yaml"), overwrite: true);
    }
}
