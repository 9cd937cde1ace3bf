using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;
using Verity.Mcp.NativeAot;
using Verity.Mcp.Tools.Dynamic;

namespace Verity.Mcp.Clients;

/// <summary>Registers the client profiles: <c>tools/list</c> shaped per connection, chosen by <c>VERITY_CLIENT_PROFILE</c>.</summary>
public static class ClientProfileRegistration
{
    /// <summary>Adds the <c>tools/list</c> filter that shapes the answer for each client; safe to call twice.</summary>
    public static IMcpServerBuilder WithClientProfiles(this IMcpServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddClientProfileOptions();
        // Factories rather than constructor injection: Native AOT would otherwise close ILogger<> for them at run time
        // and call the constructors through reflection, on every start.
        builder.Services.TryAddSingleton(static services =>
            new ClientToolLists(services.GetService<ILoggerFactory>()?.CreateLogger<ClientToolLists>(), services.GetService<TimeProvider>()));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<McpServerOptions>, ClientProfileToolsFilter>(static services =>
            new ClientProfileToolsFilter(
                services.GetRequiredService<ClientToolLists>(),
                services.GetRequiredService<IOptions<ClientProfileOptions>>(),
                services.GetService<ILoggerFactory>()?.CreateLogger<ClientProfileToolsFilter>(),
                services.GetService<ToolModeSelector>())));
        return builder;
    }

    /// <summary>Binds <see cref="ClientProfileOptions"/> from <c>VERITY_CLIENT_PROFILE</c>, validated at start; safe to call twice.</summary>
    public static IServiceCollection AddClientProfileOptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddClosedOptions<ClientProfileOptions>().AddOptions<ClientProfileOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ClientProfileOptions>, ConfigureClientProfileOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClientProfileOptions>, ClientProfileOptionsValidator>());
        return services;
    }

    private sealed class ConfigureClientProfileOptions(IServiceProvider services) : IConfigureOptions<ClientProfileOptions>
    {
        public void Configure(ClientProfileOptions options) => options.Read(services.GetService<IConfiguration>());
    }
}
