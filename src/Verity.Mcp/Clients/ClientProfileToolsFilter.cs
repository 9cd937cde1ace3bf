using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verity.Mcp.Tools.Dynamic;

namespace Verity.Mcp.Clients;

/// <summary>
/// A <c>tools/list</c> request filter: picks the profile for the connection's client (or the forced one), lets the
/// tool mode choose between the endpoint tools and the dynamic tools (<see cref="ToolModeSelector"/>, when registered)
/// and answers with that list shaped for the profile by <see cref="ClientToolLists"/>. Tool calls are untouched: arguments are still checked
/// against the exact schemas.
/// </summary>
internal sealed class ClientProfileToolsFilter(
    ClientToolLists lists,
    IOptions<ClientProfileOptions> profileOptions,
    ILogger<ClientProfileToolsFilter>? logger = null,
    ToolModeSelector? modeSelector = null) : IConfigureOptions<McpServerOptions>
{
    // A server built without logging still gets its profiles.
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public void Configure(McpServerOptions options) => options.Filters.Request.ListToolsFilters.Add(Filter);

    /// <summary>The profile a connection gets: the forced one, else the one its client's name calls for.</summary>
    public ClientProfile ProfileFor(McpServer server) => profileOptions.Value.ProfileFor(server.ClientInfo);

    private McpRequestHandler<ListToolsRequestParams, ListToolsResult> Filter(McpRequestHandler<ListToolsRequestParams, ListToolsResult> next) =>
        async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken).ConfigureAwait(false);
            var profile = ProfileFor(context.Server);
            ClientProfileLog.Listing(_logger, context.Server.ClientInfo?.Name ?? "(unnamed)", profile);
            if (modeSelector is not null)
            {
                result.Tools = modeSelector.Select(context.Server, profile, result.Tools);
            }

            if (profile != ClientProfile.Exact)
            {
                result.Tools = lists.For(profile, result.Tools);
            }

            return result;
        };
}
