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
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, SettingsFileName), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        if (settingArguments.Count > 0)
        {
            configuration.AddCommandLine([.. settingArguments]);
        }

        return configuration;
    }
}
