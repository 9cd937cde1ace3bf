using Microsoft.Extensions.Logging;

namespace Verity.Mcp.Clients;

/// <summary>The client profiles' log lines.</summary>
internal static partial class ClientProfileLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "tools/list for client '{ClientName}': {Profile} schemas")]
    public static partial void Listing(ILogger logger, string clientName, ClientProfile profile);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Shaped {Count} tool schemas for the {Profile} profile in {ElapsedMs:0.0} ms")]
    public static partial void Shaped(ILogger logger, int count, ClientProfile profile, double elapsedMs);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "VS Code takes at most {Limit} tools and this server has {Count}: only the first ones are listed. Choose which with {ToolsKey} (tool names or tag:NAME) or {ReadOnlyKey}=true.")]
    public static partial void ToolCapReached(ILogger logger, int limit, int count, string toolsKey, string readOnlyKey);
}
