using System.Globalization;
using System.Text;
using Verity.Mcp.Host.Configuration;
using Verity.Mcp.Host.Server;

namespace Verity.Mcp.Host.Cli;

internal static class HelpText
{
    public static string Build()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"verity-mcp {ServerIdentity.Version} — the {CompiledCatalog.ApiName} API as an MCP server.\n");
        text.Append("""

            Usage: verity-mcp [VERB] [options] [--SETTING=value ...]

            Verbs:
              serve                      The stdio MCP server (the default; what Cursor starts).
              tools [--json]             List the tools, their arguments and annotations.
              call TOOL --args '{...}'   Call one tool through the full pipeline and print the result.
              doctor                     Check configuration, Clerk key, session, token and API reachability.

            Options:
              -h, --help                 Show this help.
              --version                  Show the version.

            Settings (environment variables, appsettings.json beside the binary, or --NAME=value):

            """);

        var width = KnownSettings.All.Max(setting => setting.Name.Length);
        foreach (var setting in KnownSettings.All)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {setting.Name.PadRight(width)}  {setting.Meaning} Default: {setting.Default}.\n");
        }

        text.Append("""

            Exit codes: 0 ok (serve also when stopped by Ctrl+C or SIGTERM); 1 a tool returned an error or a doctor
            check failed; 2 bad usage or configuration; 130 tools, call or doctor stopped by Ctrl+C, SIGTERM or
            SIGQUIT before finishing.

            """);
        return text.ToString();
    }
}
