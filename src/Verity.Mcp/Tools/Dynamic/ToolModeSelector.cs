using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verity.Mcp.Clients;

namespace Verity.Mcp.Tools.Dynamic;

/// <summary>
/// Decides per connection whether the client gets the endpoint tools or the dynamic tools, and picks that list out of
/// the server's tools: in dynamic mode the endpoint tools give way to the three dynamic tools (other tools stay).
/// </summary>
public sealed class ToolModeSelector
{
    private readonly ToolModeOptions _options;
    private readonly ILogger _logger;

    public ToolModeSelector(IOptions<ToolModeOptions> options, ILogger<ToolModeSelector>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public ToolMode Mode => _options.Mode;

    /// <summary>
    /// Whether a client of <paramref name="profile"/> gets the dynamic tools when the server would otherwise list
    /// <paramref name="toolCount"/> tools.
    /// </summary>
    public static bool GoesDynamic(ToolModeOptions options, ClientProfile profile, int toolCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Mode switch
        {
            ToolMode.All => false,
            ToolMode.Dynamic => true,
            _ => toolCount > (ClientToolLimits.For(profile) ?? int.MaxValue) || toolCount > (options.Threshold ?? int.MaxValue),
        };
    }

    /// <summary>Whether this connection is in dynamic mode: from its client's profile and the tools the server has.</summary>
    public bool IsDynamic(McpServer server, ClientProfile profile)
    {
        ArgumentNullException.ThrowIfNull(server);
        return _options.Mode != ToolMode.All && GoesDynamic(_options, profile, ListedWithoutDynamicTools(server.ServerOptions.ToolCollection));
    }

    /// <summary>The tools this connection lists, before its profile shapes them.</summary>
    public IList<Tool> Select(McpServer server, ClientProfile profile, IList<Tool> tools)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(tools);
        if (_options.Mode == ToolMode.All)
        {
            return tools;
        }

        var dynamic = IsDynamic(server, profile);
        ToolModeLog.Listing(_logger, server.ClientInfo?.Name ?? "(unnamed)", dynamic ? "dynamic" : "all", ListedWithoutDynamicTools(server.ServerOptions.ToolCollection), profile);
        if (!dynamic)
        {
            return tools.Where(static tool => !DynamicToolNames.IsReserved(tool.Name)).ToList();
        }

        var endpointTools = server.ServerOptions.ToolCollection is { } collection
            ? collection.OfType<EndpointTool>().Select(static tool => tool.ProtocolTool.Name).ToHashSet(StringComparer.Ordinal)
            : [];
        return tools.Where(tool => !endpointTools.Contains(tool.Name)).ToList();
    }

    private static int ListedWithoutDynamicTools(McpServerPrimitiveCollection<McpServerTool>? tools) =>
        tools is null ? 0 : tools.Count(static tool => tool is not DynamicTool);
}
