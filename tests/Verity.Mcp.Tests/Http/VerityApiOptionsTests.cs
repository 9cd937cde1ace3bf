using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Verity.Mcp.Http;

namespace Verity.Mcp.Tests.Http;

public sealed class VerityApiOptionsTests
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

    private static VerityApiOptions Resolve(Dictionary<string, string?> settings, string? defaultBaseUrl = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddVerityApi(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), defaultBaseUrl);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<VerityApiOptions>>().Value;
    }
}
