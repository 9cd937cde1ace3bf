using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Verity.Mcp.Http;

namespace Verity.Mcp.Auth;

/// <summary>A static API key as the bearer token of one API's requests, for APIs that are not behind Clerk.</summary>
public static class ApiKeyAuthenticationExtensions
{
    /// <summary>
    /// Sends the key from the API's <c>{API}_API_KEY</c> setting (e.g. <c>SHOP_API_KEY</c>) as
    /// <c>Authorization: Bearer …</c> on every request of the client <paramref name="builder"/> configures (the one
    /// <see cref="ApiClientServiceCollectionExtensions.AddApiClient(IServiceCollection, string, IConfiguration, string?, string?)"/>
    /// returned). The key must be set (checked at start) and is redacted from results and logs.
    /// </summary>
    public static IHttpClientBuilder AddApiKeyAuthentication(this IHttpClientBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var registration = builder.Services
            .Select(static service => service.ServiceType == typeof(ApiClientRegistration) ? service.ImplementationInstance as ApiClientRegistration : null)
            .FirstOrDefault(candidate => candidate?.HttpClientName == builder.Name)
            ?? throw new InvalidOperationException("AddApiKeyAuthentication configures an API's client: call it on what AddApiClient or AddDefaultApiClient returns.");

        var setting = registration.Settings.ApiKey;
        var api = registration.ApiName is null ? "the API" : $"the {registration.ApiName} API";
        builder.Services.AddOptions<ApiKeyOptions>(builder.Name)
            .Configure(options =>
            {
                options.SettingName = setting;
                options.ApiDescription = api;
                options.Key = configuration[setting]?.Trim() is { Length: > 0 } key ? key : null;
            })
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>());
        // Read from the raw setting, not the validated options: redaction must work even while reporting a bad setting.
        builder.Services.AddOptions<SecretRedactionOptions>().Configure(redaction =>
        {
            if (configuration[setting]?.Trim() is { Length: > 0 } secret)
            {
                redaction.KnownSecrets.Add(secret);
            }
        });

        // The factory's default request logging keeps the raw Authorization header in its log state.
        builder.RemoveAllLoggers();
        var name = builder.Name;
        builder.AddHttpMessageHandler(services =>
            new ApiKeyHandler(new AuthenticationHeaderValue("Bearer", services.GetRequiredService<IOptionsMonitor<ApiKeyOptions>>().Get(name).Key)));
        return builder;
    }
}

/// <summary>The key one API's requests carry; named options, by the API's <see cref="HttpClient"/> name.</summary>
internal sealed class ApiKeyOptions
{
    public string SettingName { get; set; } = string.Empty;

    public string ApiDescription { get; set; } = "the API";

    public string? Key { get; set; }
}

internal sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options) => options.Key is null
        ? ValidateOptionsResult.Fail($"{options.SettingName} is not set: set it to {options.ApiDescription}'s key in the server's environment (e.g. the \"env\" of mcp.json), appsettings.json or on the command line as --{options.SettingName}=...")
        : ValidateOptionsResult.Success;
}

/// <summary>Puts the API's static key on each request; there is nothing to refresh, so a 401 goes back as it is.</summary>
internal sealed class ApiKeyHandler(AuthenticationHeaderValue header) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = header;
        return base.SendAsync(request, cancellationToken);
    }
}
