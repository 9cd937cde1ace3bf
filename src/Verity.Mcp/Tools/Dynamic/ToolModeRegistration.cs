using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verity.Mcp.Clients;
using Verity.Mcp.NativeAot;
using Verity.Mcp.Tools.Search;

namespace Verity.Mcp.Tools.Dynamic;

/// <summary>
/// Registers the tool mode (<c>VERITY_TOOL_MODE</c>): the three dynamic tools beside the endpoint tools (unless the
/// mode is <c>all</c>), the choice per connection of which list <c>tools/list</c> answers (made in the client profile
/// filter, so the dynamic tools are shaped like any other), and a refusal of a dynamic tool on a connection that was
/// not given them. Every host calls this once after registering its catalogs.
/// </summary>
public static class ToolModeRegistration
{
    public static IMcpServerBuilder WithToolMode(this IMcpServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(static service => service.ServiceType == typeof(ToolModeSelector)))
        {
            return builder;
        }

        services.AddClosedOptions<ToolModeOptions>().AddOptions<ToolModeOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ToolModeOptions>, ConfigureToolModeOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ToolModeOptions>, ToolModeOptionsValidator>());
        services.AddSingleton(static provider => new ToolModeSelector(
            provider.GetRequiredService<IOptions<ToolModeOptions>>(), provider.GetService<ILoggerFactory>()?.CreateLogger<ToolModeSelector>()));
        services.AddSingleton(static provider => new ServedEndpoints(
            provider.GetServices<EndpointToolSet>(),
            provider.GetRequiredService<IOptions<McpServerOptions>>().Value.ToolCollection ?? []));
        services.AddOptions<McpServerOptions>()
            .Configure<IOptions<ToolModeOptions>>(static (options, mode) =>
            {
                if (mode.Value.Mode == ToolMode.All)
                {
                    return;
                }

                options.ToolCollection ??= [];
                options.ToolCollection.TryAdd(new SearchEndpointsTool());
                options.ToolCollection.TryAdd(new DescribeEndpointTool());
                options.ToolCollection.TryAdd(new CallEndpointTool());
                options.Filters.Request.CallToolFilters.Add(RefuseUnlisted);
            });
        return builder.WithClientProfiles();
    }

    /// <summary>
    /// A dynamic tool called on a connection that lists the endpoint tools gets the answer an unknown tool gets: a
    /// server answers for the tools it listed.
    /// </summary>
    private static McpRequestHandler<CallToolRequestParams, CallToolResult> RefuseUnlisted(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is DynamicTool && context.Services?.GetService<ToolModeSelector>() is { } selector
                && !selector.IsDynamic(context.Server, context.Services.GetRequiredService<IOptions<ClientProfileOptions>>().Value.ProfileFor(context.Server.ClientInfo)))
            {
                throw new McpProtocolException(
                    $"Unknown tool '{context.Params?.Name}': this connection lists the API's tools themselves; call tools/list.",
                    McpErrorCode.InvalidParams);
            }

            return next(context, cancellationToken);
        };

    private sealed class ConfigureToolModeOptions(IServiceProvider services) : IConfigureOptions<ToolModeOptions>
    {
        public void Configure(ToolModeOptions options) => options.Read(services.GetService<IConfiguration>());
    }
}
