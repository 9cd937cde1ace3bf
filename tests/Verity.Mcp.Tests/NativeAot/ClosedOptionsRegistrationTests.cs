using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Verity.Mcp.Auth;
using Verity.Mcp.Clients;
using Verity.Mcp.Http;
using Verity.Mcp.NativeAot;
using Verity.Mcp.Tools;
using Verity.Mcp.Tools.Dynamic;

namespace Verity.Mcp.Tests.NativeAot;

public sealed class ClosedOptionsRegistrationTests
{
    private sealed class Sample
    {
        public List<string> Steps { get; } = [];
    }

    private sealed class ChangeSource : IOptionsChangeTokenSource<Sample>
    {
        private CancellationTokenSource _source = new();

        public string? Name => Options.DefaultName;

        public IChangeToken GetChangeToken() => new CancellationChangeToken(_source.Token);

        public void Change()
        {
            var previous = _source;
            _source = new CancellationTokenSource();
            previous.Cancel();
        }
    }

    [Fact]
    public void Every_options_service_is_registered_closed_and_once()
    {
        var services = new ServiceCollection().AddClosedOptions<Sample>().AddClosedOptions<Sample>();

        foreach (var type in new[] { typeof(IOptions<Sample>), typeof(IOptionsMonitor<Sample>), typeof(IOptionsMonitorCache<Sample>), typeof(IOptionsFactory<Sample>) })
        {
            Assert.Single(services, descriptor => descriptor.ServiceType == type);
        }

        Assert.Equal(ServiceLifetime.Transient, services.Single(descriptor => descriptor.ServiceType == typeof(IOptionsFactory<Sample>)).Lifetime);
    }

    [Fact]
    public void Values_are_configured_post_configured_and_named_as_with_the_open_registrations()
    {
        var services = new ServiceCollection().AddClosedOptions<Sample>();
        services.Configure<Sample>(sample => sample.Steps.Add("configure"));
        services.Configure<Sample>("other", sample => sample.Steps.Add("configure other"));
        services.PostConfigureAll<Sample>(sample => sample.Steps.Add("post-configure"));
        using var provider = services.BuildServiceProvider();

        var value = provider.GetRequiredService<IOptions<Sample>>().Value;

        Assert.Equal(["configure", "post-configure"], value.Steps);
        Assert.Same(value, provider.GetRequiredService<IOptions<Sample>>().Value);
        Assert.Equal(["configure other", "post-configure"], provider.GetRequiredService<IOptionsMonitor<Sample>>().Get("other").Steps);
        Assert.Same(provider.GetRequiredService<IOptionsMonitor<Sample>>().Get("other"), provider.GetRequiredService<IOptionsMonitor<Sample>>().Get("other"));
    }

    [Fact]
    public void A_failed_validation_throws_on_read_and_a_later_read_tries_again()
    {
        var valid = false;
        var services = new ServiceCollection().AddClosedOptions<Sample>();
        services.AddOptions<Sample>().Validate(_ => valid, "SAMPLE_SETTING is wrong.");
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<Sample>>();

        var failure = Assert.Throws<OptionsValidationException>(() => options.Value);
        Assert.Equal("SAMPLE_SETTING is wrong.", Assert.Single(failure.Failures));

        valid = true;
        Assert.NotNull(options.Value);
    }

    [Fact]
    public void The_monitor_reloads_on_a_change_token()
    {
        var source = new ChangeSource();
        var services = new ServiceCollection().AddClosedOptions<Sample>();
        services.AddSingleton<IOptionsChangeTokenSource<Sample>>(source);
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<Sample>>();
        var first = monitor.CurrentValue;

        source.Change();

        Assert.NotSame(first, monitor.CurrentValue);
    }

    [Fact]
    public void The_runtime_registrations_resolve_their_options_through_closed_services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CLERK_SECRET_KEY"] = "sk_test_closedoptions",
            ["ACME_BASE_URL"] = "https://acme.example.test",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddDefaultApiClient(configuration, "ACME").AddClerkAuthentication(configuration);
        services.AddMcpServer().WithEndpointTools("Acme", [], static () => []).WithToolMode();

        foreach (var type in new[]
        {
            typeof(ApiClientOptions), typeof(ClerkOptions), typeof(SecretRedactionOptions), typeof(ToolResultTextOptions),
            typeof(ToolFilterOptions), typeof(ToolModeOptions), typeof(ClientProfileOptions),
        })
        {
            Assert.Contains(services, descriptor => descriptor.ServiceType == typeof(IOptions<>).MakeGenericType(type));
            Assert.Contains(services, descriptor => descriptor.ServiceType == typeof(IOptionsMonitor<>).MakeGenericType(type));
        }

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.StartsWith("https://acme.example.test", provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get(Options.DefaultName).BaseUrl, StringComparison.Ordinal);
        Assert.NotNull(provider.GetRequiredService<ToolModeSelector>());
        Assert.NotNull(provider.GetRequiredService<ClientToolLists>());
    }
}
