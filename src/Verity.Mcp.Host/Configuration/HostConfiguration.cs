using Microsoft.Extensions.Configuration;

namespace Verity.Mcp.Host.Configuration;

/// <summary>
/// Builds the configuration every verb reads: appsettings.json beside the binary (optional), then environment
/// variables, then <c>--KEY=value</c> from the command line; later sources win.
/// </summary>
internal static class HostConfiguration
{
    public const string SettingsFileName = "appsettings.json";

    public static ConfigurationManager Build(IReadOnlyList<string> settingArguments)
    {
        var configuration = new ConfigurationManager();
        var settingsFile = Path.Combine(AppContext.BaseDirectory, SettingsFileName);
        try
        {
            configuration.AddJsonFile(settingsFile, optional: true, reloadOnChange: false);
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidSettingException(
                $"{settingsFile} is not valid JSON ({exception.GetBaseException().Message.ReplaceLineEndings(" ")}): fix it or remove it.");
        }

        configuration.AddEnvironmentVariables();
        if (settingArguments.Count > 0)
        {
            configuration.AddCommandLine([.. settingArguments]);
        }

        return configuration;
    }
}
