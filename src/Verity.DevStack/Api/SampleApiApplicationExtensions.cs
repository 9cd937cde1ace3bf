using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Verity.DevStack.Api;

/// <summary>Adds the sample Verity API to an ASP.NET Core app (its own server, or an existing app).</summary>
public static class SampleApiApplicationExtensions
{
    /// <summary>Registers a <see cref="SampleApi"/> built from <paramref name="options"/> and the client that fetches the JWKS.</summary>
    public static IServiceCollection AddSampleApi(this IServiceCollection services, SampleApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddHttpClient(Auth.ClerkJwks.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(provider => new SampleApi(options, provider.GetRequiredService<IHttpClientFactory>()));
        return services;
    }

    /// <summary>Adds the API's middleware (recording, faults, token check, errors) and maps every endpoint of the catalog.</summary>
    public static WebApplication MapSampleApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.Services.GetRequiredService<SampleApi>();
        var middleware = new SampleApiMiddleware(api);
        app.Use(middleware.InvokeAsync);

        AgentEndpoints.Map(app, api.Store);
        CallEndpoints.Map(app, api.Store);
        ContactEndpoints.Map(app, api.Store);
        PhoneNumberEndpoints.Map(app, api.Store);
        if (api.Options.EnableTestControl)
        {
            SampleApiControlEndpoints.Map(app, api);
        }

        return app;
    }
}
