using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Verity.Mcp.Auth;
using Verity.Mcp.Http;

namespace Verity.Mcp.Host.Server;

/// <summary>
/// The HTTP pipeline the tools call through: the API client (base URL, resilience, timeouts, size limit) with
/// Clerk authentication inside it. Registering it contacts nothing; Clerk is first asked on the first tool call.
/// </summary>
internal static class ApiPipelineRegistration
{
    public static IServiceCollection AddVerityApiPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        // The host's settings are VERITY_* whatever catalog is compiled in; its tools fall back to this one client.
        services.Configure<ToolResultTextOptions>(options => options.ConfigurationCheckCommand = "verity-mcp doctor");
        services.Configure<ClerkOptions>(options => options.AppName = "the Verity web app");
        services
            .AddDefaultApiClient(configuration, "VERITY", CompiledCatalog.DefaultBaseUrl)
            .AddClerkAuthentication(configuration);
        return services;
    }
}
