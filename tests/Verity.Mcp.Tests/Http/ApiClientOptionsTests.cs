using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Verity.Mcp.Http;

namespace Verity.Mcp.Tests.Http;

public sealed class ApiClientOptionsTests
{
    [Fact]
    public void Defaults_apply_when_only_the_base_url_is_set()
    {
        var options = Resolve(new() { ["VERITY_BASE_URL"] = "https://api.example.test/v2" });
        Assert.Equal("https://api.example.test/v2", options.BaseUrl);
        Assert.Equal(30, options.TimeoutSeconds);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(102400, options.MaxResponseBytes);
    }

    [Fact]
    public void The_catalog_default_base_url_is_used_when_none_is_configured_and_configuration_wins_over_it()
    {
        Assert.Equal("https://catalog.example", Resolve([], "https://catalog.example").BaseUrl);
        Assert.Equal("http://127.0.0.1:9", Resolve(new() { ["VERITY_BASE_URL"] = "http://127.0.0.1:9" }, "https://catalog.example").BaseUrl);
    }

    [Fact]
    public void Values_are_read_from_flat_keys()
    {
        var options = Resolve(new()
        {
            ["VERITY_BASE_URL"] = " http://localhost:8080 ",
            ["VERITY_TIMEOUT_SECONDS"] = "600",
            ["VERITY_MAX_RESPONSE_BYTES"] = "1024",
        });
        Assert.Equal("http://localhost:8080", options.BaseUrl);
        Assert.Equal(600, options.TimeoutSeconds);
        Assert.Equal(1024, options.MaxResponseBytes);
    }

    [Theory]
    [InlineData(null, null, null, "VERITY_BASE_URL")]
    [InlineData("api.example.test", null, null, "VERITY_BASE_URL")]
    [InlineData("ftp://api.example.test", null, null, "VERITY_BASE_URL")]
    [InlineData("https://api.example.test?x=1", null, null, "VERITY_BASE_URL")]
    [InlineData("https://api.example.test", "0", null, "VERITY_TIMEOUT_SECONDS")]
    [InlineData("https://api.example.test", "601", null, "VERITY_TIMEOUT_SECONDS")]
    [InlineData("https://api.example.test", "soon", null, "VERITY_TIMEOUT_SECONDS")]
    [InlineData("https://api.example.test", null, "1023", "VERITY_MAX_RESPONSE_BYTES")]
    [InlineData("https://api.example.test", null, "104857601", "VERITY_MAX_RESPONSE_BYTES")]
    [InlineData("https://api.example.test", null, "1MB", "VERITY_MAX_RESPONSE_BYTES")]
    public void A_bad_value_fails_at_start_with_one_line_naming_the_setting(string? baseUrl, string? timeout, string? maxBytes, string setting)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["VERITY_BASE_URL"] = baseUrl,
            ["VERITY_TIMEOUT_SECONDS"] = timeout,
            ["VERITY_MAX_RESPONSE_BYTES"] = maxBytes,
        }));
        var failure = Assert.Single(exception.Failures);
        Assert.StartsWith(setting + " ", failure);
        Assert.DoesNotContain('\n', failure);
        Assert.Contains("--" + setting + "=", failure);
    }

    [Theory]
    [InlineData("http://api.example.test")]
    [InlineData("http://10.0.0.5:8080/v1")]
    [InlineData("http://192.168.1.20")]
    [InlineData("http://localhost.example.com")]
    [InlineData("http://[::2]:5000")]
    [InlineData("http://128.0.0.1")]
    public void Plain_http_to_another_machine_is_refused_naming_the_setting(string baseUrl)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["VERITY_BASE_URL"] = baseUrl }));

        var failure = Assert.Single(exception.Failures);
        Assert.StartsWith($"VERITY_BASE_URL '{baseUrl}' is plain http to another machine", failure, StringComparison.Ordinal);
        Assert.Contains("https", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:8080")]
    [InlineData("http://LOCALHOST")]
    [InlineData("http://127.0.0.1:9")]
    [InlineData("http://127.8.9.10/api")]
    [InlineData("http://[::1]:5000")]
    [InlineData("https://api.example.test")]
    public void Https_anywhere_and_plain_http_on_loopback_are_accepted(string baseUrl)
    {
        Assert.Equal(baseUrl, Resolve(new() { ["VERITY_BASE_URL"] = baseUrl }).BaseUrl);
    }

    [Fact]
    public void A_plain_http_catalog_default_is_refused_saying_it_came_from_the_catalog()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Resolve([], "http://api.example.test"));

        var failure = Assert.Single(exception.Failures);
        Assert.StartsWith("VERITY_BASE_URL is not set and the catalog's api.baseUrl 'http://api.example.test' is plain http", failure, StringComparison.Ordinal);
    }

    private static ApiClientOptions Resolve(Dictionary<string, string?> settings, string? defaultBaseUrl = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDefaultApiClient(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "VERITY", defaultBaseUrl);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ApiClientOptions>>().Value;
    }
}
