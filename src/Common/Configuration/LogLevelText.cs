using Microsoft.Extensions.Logging;

namespace Verity.Common.Configuration;

/// <summary>Reads a log level as people write it in <c>VERITY_LOG_LEVEL</c> (names, case ignored, plus info and warn).</summary>
internal static class LogLevelText
{
    public const string Choices = "Trace, Debug, Information, Warning, Error, Critical or None";

    public static bool TryParse(string text, out LogLevel level)
    {
        LogLevel? parsed = text.Trim().ToLowerInvariant() switch
        {
            "trace" => LogLevel.Trace,
            "debug" => LogLevel.Debug,
            "information" or "info" => LogLevel.Information,
            "warning" or "warn" => LogLevel.Warning,
            "error" => LogLevel.Error,
            "critical" => LogLevel.Critical,
            "none" => LogLevel.None,
            _ => null,
        };
        level = parsed ?? LogLevel.None;
        return parsed is not null;
    }
}
