using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace Verity.Mcp.Clients;

/// <summary>Registers the client profiles: <c>tools/list</c> shaped per connection, chosen by <c>VERITY_CLIENT_PROFILE</c>.</summary>
public static class ClientProfileRegistration
{
    /// <summary>Adds the <c>tools/list</c> filter that shapes the answer for each client; safe to call twice.</summary>
    public static IMcpServerBuilder WithClientProfiles(this IMcpServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddClientProfileOptions();
        builder.Services.TryAddSingleton<ClientToolLists>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<McpServerOptions>, ClientProfileToolsFilter>());
        return builder;
    }

    /// <summary>Binds <see cref="ClientProfileOptions"/> from <c>VERITY_CLIENT_PROFILE</c>, validated at start; safe to call twice.</summary>
    public static IServiceCollection AddClientProfileOptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ClientProfileOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ClientProfileOptions>, ConfigureClientProfileOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClientProfileOptions>, ClientProfileOptionsValidator>());
        return services;
    }

    private sealed class ConfigureClientProfileOptions(IServiceProvider services) : IConfigureOptions<ClientProfileOptions>
    {
        public void Configure(ClientProfileOptions options) => options.Read(services.GetService<IConfiguration>());
    }
}
