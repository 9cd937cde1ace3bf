using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Http;

public static class VerityApiServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> that carries every Verity API request.</summary>
    public const string HttpClientName = "Verity.Api";

    /// <summary>
    /// Registers the Verity API pipeline: validated <see cref="VerityApiOptions"/>, the named client with its
    /// resilience handler (retries for idempotent requests only, per-attempt time limit), <see cref="IVerityApiClient"/>
    /// and <see cref="IToolResultMapper"/>. Handlers added to the returned builder (such as the Clerk auth handler)
    /// sit inside the resilience handler; the per-attempt time limit sits inside them all, so it starts once the
    /// request has its credentials.
    /// </summary>
    /// <param name="defaultBaseUrl">The catalog's base URL, used when <c>VERITY_BASE_URL</c> is not set.</param>
    public static IHttpClientBuilder AddVerityApi(this IServiceCollection services, IConfiguration configuration, string? defaultBaseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<VerityApiOptions>()
            .Configure(options => options.ReadFrom(configuration, defaultBaseUrl))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VerityApiOptions>, VerityApiOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SecretRedactionOptions>();
        services.TryAddSingleton<SecretRedactor>();
        services.TryAddSingleton<IVerityApiClient, VerityApiClient>();
        services.TryAddSingleton<IToolResultMapper, ToolResultMapper>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ApiAttemptHandlerFilter>());

        var builder = services.AddHttpClient(HttpClientName)
            // The pipeline enforces its own per-attempt limit; HttpClient's 100 s default would cut a longer one.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler(VerityResiliencePipeline.HandlerName, static (pipeline, context) =>
            VerityResiliencePipeline.Configure(pipeline, context.ServiceProvider));
        return builder;
    }
}
