using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verity.Common.Server;
using Verity.Common.Telemetry;
using Verity.Mcp.Auth;
using Verity.Mcp.HttpServer.Configuration;
using Verity.Mcp.HttpServer.Guards;
using Verity.Mcp.HttpServer.Logging;
using Verity.Mcp.HttpServer.OAuth;
using Verity.Mcp.HttpServer.Probes;

namespace Verity.Mcp.HttpServer;

/// <summary>
/// Builds the server: settings validated first (a bad one throws <see cref="OptionsValidationException"/>, which
/// Program turns into one line and exit 2), then the services and the middleware in the order the class comment
/// of each guard explains: probes, Host/Origin, resource metadata, token, rate limit, scope, MCP.
/// </summary>
internal static partial class HttpServerApp
{
    /// <summary>How long a stop (SIGTERM) waits for requests in flight; below the 30 s grace most orchestrators give.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(25);

    /// <param name="settings">Settings laid over the environment (tests).</param>
    /// <param name="configureServices">Last changes to the services (tests: a fake clock).</param>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = "verity-mcp-http",
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var options = HttpServerOptions.Read(builder.Configuration);
        if (new HttpServerOptionsValidator().Validate(null, options) is { Failed: true } invalid)
        {
            throw new OptionsValidationException(nameof(HttpServerOptions), typeof(HttpServerOptions), invalid.Failures);
        }

        builder.Logging.AddJsonStdout(options.LogLevel);
        AddServices(builder.Services, builder.Configuration, options);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        try
        {
            // Every other option (tools filter, Clerk, API client) validated now, so a bad one is the same one line.
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch
        {
            ((IDisposable)app).Dispose();
            throw;
        }

        UseGuards(app, options);
        app.MapMcp(options.McpPath);
        LogStarting(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Verity.Mcp.Http"), options);
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, HttpServerOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = DrainTimeout);

        services.AddVerityMcpServer().WithHttpTransport(transport => transport.Stateless = true);
        services.AddOpenTelemetryExport(
            configuration,
            "verity-mcp-http",
            ServerIdentity.Version,
            tracing => tracing.AddSource(AspNetCoreTelemetry.ActivitySource),
            metrics => metrics.AddMeter(AspNetCoreTelemetry.Meters));

        // Tool results name the settings to check, not a command: the person calling is not the one who deployed it.
        if (options.Auth == HttpAuthMode.OAuth)
        {
            // Each call acts for the user its access token names (BearerTokenGuard sets ClerkSignedInUser).
            services.AddVerityApiClient(configuration, configurationCheckCommand: null)
                .AddClerkSignedInUserAuthentication(configuration);
        }
        else
        {
            services.AddVerityApiPipeline(configuration, configurationCheckCommand: null);
        }

        services.AddSingleton<Readiness>(provider => new Readiness(
            provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetService<JwksCache>()));
        services.AddSingleton<ProbeEndpoints>();
        services.AddSingleton(new HostAllowList(options));
        services.AddSingleton(new OriginAllowList(options));
        services.AddSingleton<DnsRebindingGuard>();
        services.AddPerCallerRateLimiting(options.RateLimitPerMinute);

        if (options.Auth == HttpAuthMode.OAuth)
        {
            services.AddHttpClient(JwksCache.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
            services.AddSingleton<JwksCache>();
            services.AddHostedService<JwksWarmUp>();
            services.AddSingleton<AccessTokenVerifier>();
            services.AddSingleton<BearerChallenge>();
            services.AddSingleton<BearerTokenGuard>();
            services.AddSingleton<ResourceMetadataEndpoint>();
            services.AddSingleton<ToolScopes>();
            services.AddSingleton<ToolScopeGuard>();
        }
    }

    private static void UseGuards(WebApplication app, HttpServerOptions options)
    {
        var services = app.Services;
        app.Use(services.GetRequiredService<ProbeEndpoints>().InvokeAsync);
        app.Use(services.GetRequiredService<DnsRebindingGuard>().InvokeAsync);
        if (options.Auth == HttpAuthMode.OAuth)
        {
            var metadata = services.GetRequiredService<ResourceMetadataEndpoint>();
            app.Use((context, next) => metadata.Matches(context.Request.Path) && HttpMethods.IsGet(context.Request.Method)
                ? metadata.WriteAsync(context)
                : next(context));
        }

        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(options.McpPath, StringComparison.OrdinalIgnoreCase),
            mcp =>
            {
                if (options.Auth == HttpAuthMode.OAuth)
                {
                    mcp.Use(services.GetRequiredService<BearerTokenGuard>().InvokeAsync);
                }

                mcp.UseRateLimiter();
                if (options.Auth == HttpAuthMode.OAuth)
                {
                    mcp.Use(services.GetRequiredService<ToolScopeGuard>().InvokeAsync);
                }
            });
    }

    private static void LogStarting(ILogger logger, HttpServerOptions options)
    {
        if (options.Auth == HttpAuthMode.None)
        {
            LogNoAuthentication(logger, options.McpPath);
        }
        else
        {
            LogOAuth(logger, options.PublicUrlText!, options.FrontendApiUrlText!);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "VERITY_HTTP_AUTH=none: the MCP endpoint {Path} serves every local caller without sign-in, as the Clerk user of this process's settings. Loopback only; use oauth for anything else.")]
    private static partial void LogNoAuthentication(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {PublicUrl} as an OAuth resource server; tokens from {Issuer}.")]
    private static partial void LogOAuth(ILogger logger, string publicUrl, string issuer);
}
