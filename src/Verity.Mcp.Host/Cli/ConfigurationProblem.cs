using Verity.Common.Configuration;
using Verity.Mcp.Host.Configuration;

namespace Verity.Mcp.Host.Cli;

/// <summary>
/// Recognises the failures that mean "fix your command line or configuration" (exit 2) and turns each into the one
/// line the user sees. Option validators already name the setting and the fix.
/// </summary>
internal static class ConfigurationProblem
{
    public static string? Describe(Exception exception) => exception switch
    {
        UsageException usage => usage.Message,
        InvalidSettingException setting => setting.Message,
        _ => OptionsFailureText.Describe(exception),
    };
}
