using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Verity.Mcp.Auth;
using Verity.Mcp.Http;

namespace Verity.Common.Server;

/// <summary>
/// The HTTP pipeline the tools call through: the API client (base URL, resilience, timeouts, size limit) with
/// authentication inside it. Registering it contacts nothing; Clerk is first asked on the first tool call.
/// </summary>
internal static class ApiPipelineRegistration
{
    /// <summary>Where a user without an active Clerk session is told to sign in.</summary>
    public const string WebAppName = "the Verity web app";

    /// <summary>The API client with the process-wide Clerk settings (one signed-in user for the whole process).</summary>
    /// <param name="configurationCheckCommand">The command tool results name for checking the settings; null: they name the settings.</param>
    public static IServiceCollection AddVerityApiPipeline(this IServiceCollection services, IConfiguration configuration, string? configurationCheckCommand)
    {
        services.AddVerityApiClient(configuration, configurationCheckCommand).AddClerkAuthentication(configuration);
        return services;
    }

    /// <summary>The API client without authentication: the caller adds the handler that fits how users sign in.</summary>
    public static IHttpClientBuilder AddVerityApiClient(this IServiceCollection services, IConfiguration configuration, string? configurationCheckCommand)
    {
        // The host's settings are VERITY_* whatever catalog is compiled in; its tools fall back to this one client.
        services.Configure<ToolResultTextOptions>(options => options.ConfigurationCheckCommand = configurationCheckCommand);
        services.Configure<ClerkOptions>(options => options.AppName = WebAppName);
        return services.AddDefaultApiClient(configuration, "VERITY", CompiledCatalog.DefaultBaseUrl);
    }
}
