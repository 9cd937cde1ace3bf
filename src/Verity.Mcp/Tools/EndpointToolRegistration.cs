using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;
using Verity.Mcp.Clients;
using Verity.Mcp.NativeAot;
using Verity.Mcp.Tools.Dynamic;
using Verity.Mcp.Tools.Search;

namespace Verity.Mcp.Tools;

/// <summary>
/// Registers a catalog's generated tools with the MCP server, filtered at start-up by <see cref="ToolFilterOptions"/>,
/// and the client profiles that shape <c>tools/list</c> for each client. Called by the generated <c>With{Api}Tools()</c>;
/// no reflection is involved.
/// </summary>
public static class EndpointToolRegistration
{
    public static IMcpServerBuilder WithEndpointTools(
        this IMcpServerBuilder builder,
        string apiName,
        IReadOnlyList<EndpointDescriptor> descriptors,
        Func<IReadOnlyList<McpServerTool>> createTools) =>
        builder.WithEndpointTools(apiName, descriptors, createTools, createSearchIndex: null);

    /// <param name="createSearchIndex">The catalog's compile-time search index, read by the dynamic tools (<see cref="ToolModeRegistration"/>).</param>
    public static IMcpServerBuilder WithEndpointTools(
        this IMcpServerBuilder builder,
        string apiName,
        IReadOnlyList<EndpointDescriptor> descriptors,
        Func<IReadOnlyList<McpServerTool>> createTools,
        Func<EndpointSearchIndex>? createSearchIndex)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(descriptors);
        ArgumentNullException.ThrowIfNull(createTools);

        var services = builder.Services;
        services.AddToolFilterOptions();
        services.AddSingleton(new EndpointToolSet(apiName, descriptors, createSearchIndex));
        services.AddOptions<McpServerOptions>()
            .Configure<IOptions<ToolFilterOptions>>((options, filter) =>
            {
                options.ToolCollection ??= [];
                foreach (var tool in ToolFilter.Apply(filter.Value, createTools()))
                {
                    // TryAdd: registering the same catalog twice must not fail the host.
                    options.ToolCollection.TryAdd(tool);
                }
            });

        // Once per server, however many catalogs it registers.
        if (!services.Any(static service => service.ServiceType == typeof(UnreadableArgumentsFilterMarker)))
        {
            services.AddSingleton<UnreadableArgumentsFilterMarker>();
            builder.WithMessageFilters(static filters => filters.AddIncomingFilter(UnreadableArgumentsFilter.Create()));
        }

        return builder.WithClientProfiles();
    }

    private sealed class UnreadableArgumentsFilterMarker;

    /// <summary>Binds <see cref="ToolFilterOptions"/> from <c>VERITY_TOOLS</c> / <c>VERITY_READ_ONLY</c>; safe to call twice.</summary>
    public static IServiceCollection AddToolFilterOptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddClosedOptions<ToolFilterOptions>().AddOptions<ToolFilterOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ToolFilterOptions>, ConfigureToolFilterOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ToolFilterOptions>, ToolFilterOptionsValidator>());
        return services;
    }

    private sealed class ConfigureToolFilterOptions(IServiceProvider services) : IConfigureOptions<ToolFilterOptions>
    {
        public void Configure(ToolFilterOptions options) => options.Read(services.GetService<IConfiguration>());
    }
}
