using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Verity.Mcp.Host.Configuration;

/// <summary>
/// The catalog is compiled in; nothing reads it at run time. When <c>VERITY_CATALOG_PATH</c> names a file whose
/// text differs from the compiled one, the person probably edited it and expects the change: tell them to rebuild.
/// </summary>
internal static partial class CatalogDriftCheck
{
    public static void Run(IConfiguration configuration, string compiledSha256, ILogger logger)
    {
        var path = configuration[KnownSettings.CatalogPath];
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        string sha256;
        try
        {
            sha256 = CatalogFile.Sha256(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogUnreadable(logger, path, exception.Message);
            return;
        }

        if (!string.Equals(sha256, compiledSha256, StringComparison.OrdinalIgnoreCase))
        {
            LogDrift(logger, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The catalog at {Path} (VERITY_CATALOG_PATH) differs from the one compiled into verity-mcp: rebuild the host to use it (dotnet build src/Verity.Mcp.Host -p:VERITY_CATALOG_PATH=…).")]
    private static partial void LogDrift(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Cannot read the catalog at {Path} (VERITY_CATALOG_PATH) to compare it with the compiled one: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string path, string reason);
}
