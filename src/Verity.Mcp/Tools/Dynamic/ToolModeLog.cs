using Microsoft.Extensions.Logging;
using Verity.Mcp.Clients;

namespace Verity.Mcp.Tools.Dynamic;

/// <summary>The tool mode's log lines.</summary>
internal static partial class ToolModeLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "tools/list for client '{ClientName}': {Mode} mode ({Count} endpoint tools, {Profile} profile)")]
    public static partial void Listing(ILogger logger, string clientName, string mode, int count, ClientProfile profile);
}
