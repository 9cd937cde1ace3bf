namespace Verity.Mcp.Host.Configuration;

/// <summary>A setting has a value the host cannot use; the message names it and says where to set it.</summary>
internal sealed class InvalidSettingException(string message) : Exception(message)
{
    public static InvalidSettingException For(string setting, string problem) =>
        new($"{problem} {WhereToSet(setting)}");

    /// <summary>The same hint for every setting: the three places the host reads configuration from.</summary>
    public static string WhereToSet(string setting) =>
        $"Set {setting} as an environment variable (\"env\" in mcp.json), in appsettings.json beside verity-mcp, or as --{setting}=VALUE.";
}
