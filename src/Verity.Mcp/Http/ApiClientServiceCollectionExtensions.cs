using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verity.Mcp.NativeAot;
using Verity.Mcp.Telemetry;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Http;

public static class ApiClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> of the default registration; a named API's client is <c>Verity.Api:{ApiName}</c>.</summary>
    public const string HttpClientName = "Verity.Api";

    /// <summary>
    /// Registers one API client for every tool that has no client of its own (see
    /// <see cref="AddApiClient(IServiceCollection, GeneratedCatalog, IConfiguration, string?)"/>): validated
    /// <see cref="ApiClientOptions"/> read from the keys named by <paramref name="settingPrefix"/> (for <c>ACME</c>:
    /// <c>ACME_BASE_URL</c>, <c>ACME_TIMEOUT_SECONDS</c>, <c>ACME_MAX_RESPONSE_BYTES</c>), the named client with its resilience handler (retries for idempotent
    /// requests only, per-attempt time limit), <see cref="IApiClient"/> and <see cref="IToolResultMapper"/>.
    /// Handlers added to the returned builder (such as the Clerk auth handler) sit inside the resilience handler;
    /// the per-attempt time limit sits inside them all, so it starts once the request has its credentials.
    /// </summary>
    /// <param name="settingPrefix">The prefix of the setting keys, e.g. <c>ACME</c> for <c>ACME_BASE_URL</c>.</param>
    /// <param name="defaultBaseUrl">The catalog's base URL, used when the base URL setting is not set.</param>
    public static IHttpClientBuilder AddDefaultApiClient(this IServiceCollection services, IConfiguration configuration, string settingPrefix, string? defaultBaseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(settingPrefix);

        var settings = ApiSettingNames.WithPrefix(settingPrefix);
        var builder = AddPipeline(services, configuration, new ApiClientRegistration(Options.DefaultName, null, HttpClientName, settings), defaultBaseUrl);
        services.TryAddSingleton<IApiClient>(static services => CreateClient(services, Options.DefaultName, HttpClientName));
        return builder;
    }

    /// <summary>
    /// Registers the client of the API that <paramref name="catalog"/> was generated from, keyed by its
    /// <c>api.name</c>: its tools call this client, with its own base URL, auth (the handlers added to the returned
    /// builder), time and size limits. Settings are read from keys derived from the API name (for <c>Shop</c>:
    /// <c>SHOP_BASE_URL</c>, <c>SHOP_TIMEOUT_SECONDS</c>, <c>SHOP_MAX_RESPONSE_BYTES</c>), else from the
    /// configuration section named like the API (<c>Shop:BaseUrl</c>, …); the base URL defaults to the catalog's.
    /// </summary>
    /// <param name="settingPrefix">Another prefix for the keys (e.g. <c>STORE</c> for <c>STORE_BASE_URL</c>).</param>
    public static IHttpClientBuilder AddApiClient(this IServiceCollection services, GeneratedCatalog catalog, IConfiguration configuration, string? settingPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return services.AddApiClient(catalog.ApiName, configuration, catalog.DefaultBaseUrl, settingPrefix);
    }

    /// <summary>Registers the client of the API named <paramref name="apiName"/> (see the overload that takes a catalog).</summary>
    public static IHttpClientBuilder AddApiClient(this IServiceCollection services, string apiName, IConfiguration configuration, string? defaultBaseUrl = null, string? settingPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiName);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(service => service.ServiceType == typeof(ApiClientRegistration)
                && service.ImplementationInstance is ApiClientRegistration { ApiName: { } name } && name == apiName))
        {
            throw new InvalidOperationException($"The {apiName} API's client is already registered.");
        }

        var settings = ApiSettingNames.WithPrefix(settingPrefix ?? ApiSettingNames.PrefixFor(apiName));
        var httpClientName = HttpClientName + ":" + apiName;
        var builder = AddPipeline(services, configuration, new ApiClientRegistration(apiName, apiName, httpClientName, settings), defaultBaseUrl);
        services.AddKeyedSingleton<IApiClient>(apiName, (provider, _) => CreateClient(provider, apiName, httpClientName));
        return builder;
    }

    private static IHttpClientBuilder AddPipeline(IServiceCollection services, IConfiguration configuration, ApiClientRegistration registration, string? defaultBaseUrl)
    {
        services.AddClosedOptions<ApiClientOptions>().AddClosedOptions<SecretRedactionOptions>().AddClosedOptions<ToolResultTextOptions>();
        services.AddOptions<ApiClientOptions>(registration.OptionsName)
            .Configure(options =>
            {
                options.ApiName = registration.ApiName;
                options.Settings = registration.Settings;
                options.ReadFrom(configuration, defaultBaseUrl, registration.ApiName);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiClientOptions>, ApiClientOptionsValidator>());
        services.AddSingleton(registration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddMcpTelemetry();
        services.AddOptions<SecretRedactionOptions>();
        services.AddOptions<ToolResultTextOptions>();
        services.TryAddSingleton<SecretRedactor>();
        services.TryAddSingleton<IToolResultMapper>(static provider => new ToolResultMapper(
            provider.GetRequiredService<SecretRedactor>(),
            provider.GetServices<ApiClientRegistration>()
                .Where(static registration => registration.ApiName is not null)
                .GroupBy(static registration => registration.ApiName!, StringComparer.Ordinal)
                .ToDictionary(static group => group.Key, static group => group.First().Settings, StringComparer.Ordinal),
            provider.GetServices<ApiClientRegistration>().FirstOrDefault(static registration => registration.ApiName is null)?.Settings,
            provider.GetRequiredService<IOptions<ToolResultTextOptions>>().Value.ConfigurationCheckCommand));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ApiAttemptHandlerFilter>());

        var builder = services.AddHttpClient(registration.HttpClientName)
            // The pipeline enforces its own per-attempt limit; HttpClient's 100 s default would cut a longer one.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler(ApiResiliencePipeline.HandlerName, (pipeline, context) =>
            ApiResiliencePipeline.Configure(pipeline, context.ServiceProvider, registration.OptionsName));
        return builder;
    }

    private static ApiClient CreateClient(IServiceProvider services, string optionsName, string httpClientName) => new(
        services.GetRequiredService<IHttpClientFactory>(),
        services.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get(optionsName),
        httpClientName,
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILogger<ApiClient>>());
}

/// <summary>One registered API client: the options and <see cref="HttpClient"/> names it uses and the keys it reads.</summary>
/// <param name="ApiName">The API's name (the key of its client), or null for the default registration.</param>
internal sealed record ApiClientRegistration(string OptionsName, string? ApiName, string HttpClientName, ApiSettingNames Settings);
