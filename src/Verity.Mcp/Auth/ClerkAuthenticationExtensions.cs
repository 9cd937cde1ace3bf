using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verity.Mcp.Http;
using Verity.Mcp.NativeAot;
using Verity.Mcp.Telemetry;

namespace Verity.Mcp.Auth;

/// <summary>Registers Clerk session-token authentication.</summary>
public static class ClerkAuthenticationExtensions
{
    /// <summary>
    /// Adds the Clerk options (validated at start), the Clerk client, the token manager and the auth handler to
    /// the API's client. Call it after the resilience handler is added, so this handler sits inside it. With
    /// <c>VERITY_API_KEY</c> and no <c>CLERK_SECRET_KEY</c> the handler sends the legacy key instead.
    /// </summary>
    public static IHttpClientBuilder AddClerkAuthentication(this IHttpClientBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddClerkTokenManagement(configuration);

        // The factory's default request logging redacts header values in the message text but keeps the raw
        // Authorization header in the log state (Trace level), where a structured sink would export the token.
        builder.RemoveAllLoggers();
        builder.AddHttpMessageHandler(static services =>
            services.GetRequiredService<IOptions<ClerkOptions>>().Value.IsLegacyMode
                ? new LegacyApiKeyHandler(services.GetRequiredService<LegacyApiKeyCredential>())
                : new ClerkAuthHandler(
                    services.GetRequiredService<IClerkTokenManager>(),
                    services.GetRequiredService<ILogger<ClerkAuthHandler>>(),
                    services.GetRequiredService<IOptions<ClerkOptions>>().Value.Timeout,
                    services.GetRequiredService<TimeProvider>(),
                    services.GetRequiredService<SecretRedactor>()));
        return builder;
    }

    /// <summary>
    /// Remote mode: adds the Clerk options (validated at start, a pinned user refused), the Clerk client,
    /// <see cref="ClerkSignedInUserTokens"/> and the auth handler to the API's client, so each request carries a
    /// session token of the user its call acts for (<see cref="ClerkSignedInUser"/>), minted with
    /// <c>CLERK_SECRET_KEY</c> for that user's most recent active session. A request without a signed-in user fails
    /// before it is sent. Call it after the resilience handler is added, as <see cref="AddClerkAuthentication"/>.
    /// </summary>
    /// <param name="configure">Sets what the host decides beyond the settings (none yet are required).</param>
    public static IHttpClientBuilder AddClerkSignedInUserAuthentication(
        this IHttpClientBuilder builder,
        IConfiguration configuration,
        Action<ClerkSignedInUserOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddClerkSignedInUserTokens(configuration, configure);

        // As in AddClerkAuthentication: the default logs would keep the Authorization header in their state.
        builder.RemoveAllLoggers();
        builder.AddHttpMessageHandler(static services =>
            new ClerkAuthHandler(
                services.GetRequiredService<ClerkSignedInUserTokens>(),
                services.GetRequiredService<ILogger<ClerkAuthHandler>>(),
                services.GetRequiredService<IOptions<ClerkOptions>>().Value.Timeout,
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<SecretRedactor>()));
        return builder;
    }

    /// <summary>
    /// Adds what <see cref="AddClerkSignedInUserAuthentication"/> needs without touching any HTTP client, and makes
    /// <see cref="IClerkTokenManager"/> the signed-in user's, so nothing in the process can act as a configured user.
    /// </summary>
    public static IServiceCollection AddClerkSignedInUserTokens(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<ClerkSignedInUserOptions>? configure = null)
    {
        services.AddClerkTokenManagement(configuration);
        if (!services.Any(static d => d.ServiceType == typeof(ClerkSignedInUserTokens)))
        {
            services.Configure<ClerkOptions>(static options => options.ForSignedInUsers = true);
            services.AddOptions<ClerkSignedInUserOptions>()
                .Configure(options => ClerkSignedInUserOptionsBinder.Bind(configuration, options))
                .ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClerkSignedInUserOptions>, ClerkSignedInUserOptionsValidator>());
            services.AddSingleton<ClerkSignedInUserTokens>();
            services.Replace(ServiceDescriptor.Singleton<IClerkTokenManager>(static s => s.GetRequiredService<ClerkSignedInUserTokens>()));
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return services;
    }

    /// <summary>
    /// Adds the Clerk options, client, subject selector and <see cref="IClerkTokenManager"/> without touching any
    /// HTTP client (what <c>doctor</c> needs). Nothing contacts Clerk until a token is first asked for.
    /// </summary>
    public static IServiceCollection AddClerkTokenManagement(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(static d => d.ServiceType == typeof(ClerkTokenManager)))
        {
            return services;
        }

        services.AddClosedOptions<ClerkOptions>().AddClosedOptions<SecretRedactionOptions>();
        services.AddOptions<ClerkOptions>()
            .Configure(options => ClerkOptionsBinder.Bind(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClerkOptions>, ClerkOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMcpTelemetry();

        // Read from the raw settings, not the validated options: redaction must work even while reporting a bad setting.
        services.AddOptions<SecretRedactionOptions>().Configure(redaction =>
        {
            foreach (var key in (ReadOnlySpan<string>)[ClerkConfigurationKeys.SecretKey, ClerkConfigurationKeys.LegacyApiKey])
            {
                if (configuration[key] is { Length: > 0 } secret)
                {
                    redaction.KnownSecrets.Add(secret);
                }
            }
        });
        services.TryAddSingleton<SecretRedactor>();

        services.AddHttpClient(ClerkApiClient.HttpClientName)
            .RemoveAllLoggers() // see AddClerkAuthentication: the default logs keep the secret key in their state
            .ConfigureHttpClient(static (services, http) =>
            {
                var options = services.GetRequiredService<IOptions<ClerkOptions>>().Value;
                http.BaseAddress = VersionedBase(options.ApiUrl);
                http.Timeout = options.Timeout;
            });

        services.TryAddSingleton<ClerkApiClient>();
        services.TryAddSingleton<ClerkSubjectSelector>();
        services.TryAddSingleton<ClerkTokenManager>();
        services.TryAddSingleton<IClerkTokenManager>(static s => s.GetRequiredService<ClerkTokenManager>());
        services.TryAddSingleton<LegacyApiKeyCredential>();
        return services;
    }

    /// <summary><c>CLERK_API_URL</c> is the origin; the calls are relative to <c>/v1/</c> (tolerating a URL that already ends in it).</summary>
    internal static Uri VersionedBase(Uri apiUrl)
    {
        var text = apiUrl.AbsoluteUri.TrimEnd('/');
        return new Uri(text.EndsWith("/v1", StringComparison.OrdinalIgnoreCase) ? text + "/" : text + "/v1/");
    }
}
