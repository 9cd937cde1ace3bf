using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Verity.Common.Configuration;

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

        return LogLevelText.TryParse(text, out var level)
            ? level
            : throw InvalidSettingException.For(
                KnownSettings.LogLevel,
                $"{KnownSettings.LogLevel}='{text}' is not a log level: use {LogLevelText.Choices}.");
    }
}
