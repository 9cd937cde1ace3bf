using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Verity.Mcp.Host.Configuration;

/// <summary>Reads <c>VERITY_LOG_LEVEL</c>; serve is quiet by default because Cursor shows stderr as noise.</summary>
internal static class LogLevelSetting
{
    public static LogLevel Read(IConfiguration configuration, LogLevel defaultLevel)
    {
        var text = configuration[KnownSettings.LogLevel];
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultLevel;
        }

        return text.Trim().ToLowerInvariant() switch
        {
            "trace" => LogLevel.Trace,
            "debug" => LogLevel.Debug,
            "information" or "info" => LogLevel.Information,
            "warning" or "warn" => LogLevel.Warning,
            "error" => LogLevel.Error,
            "critical" => LogLevel.Critical,
            "none" => LogLevel.None,
            _ => throw InvalidSettingException.For(
                KnownSettings.LogLevel,
                $"{KnownSettings.LogLevel}='{text}' is not a log level: use Trace, Debug, Information, Warning, Error, Critical or None."),
        };
    }
}
