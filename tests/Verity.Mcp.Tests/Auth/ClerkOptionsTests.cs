using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Verity.Mcp.Auth;

namespace Verity.Mcp.Tests.Auth;

public sealed class ClerkOptionsTests
{
    private const string Key = "sk_test_0123456789abcdefOPTIONS";

    [Fact]
    public void Every_setting_binds_from_its_flat_key()
    {
        var options = Resolve(new()
        {
            ["CLERK_SECRET_KEY"] = Key,
            ["CLERK_API_URL"] = "http://127.0.0.1:5999",
            ["CLERK_SESSION_ID"] = "sess_1",
            ["CLERK_USER_ID"] = "user_1",
            ["CLERK_USER_EMAIL"] = "a@example.com",
            ["CLERK_CREATE_SESSION"] = "true",
            ["CLERK_TOKEN_LIFETIME_SECONDS"] = "300",
            ["CLERK_TOKEN_REFRESH_MARGIN_SECONDS"] = "20",
            ["CLERK_JWT_TEMPLATE"] = "verity",
            ["CLERK_TIMEOUT_SECONDS"] = "12",
            ["VERITY_API_KEY"] = "legacy",
        });

        Assert.Equal(Key, options.SecretKey);
        Assert.Equal(new Uri("http://127.0.0.1:5999"), options.ApiUrl);
        Assert.Equal("sess_1", options.SessionId);
        Assert.Equal("user_1", options.UserId);
        Assert.Equal("a@example.com", options.UserEmail);
        Assert.True(options.CreateSession);
        Assert.Equal(300, options.TokenLifetimeSeconds);
        Assert.Equal(20, options.TokenRefreshMarginSeconds);
        Assert.Equal("verity", options.JwtTemplate);
        Assert.Equal("legacy", options.LegacyApiKey);
        Assert.Equal(TimeSpan.FromSeconds(12), options.Timeout);
        Assert.False(options.IsLegacyMode);
    }

    [Fact]
    public void Defaults_keep_Clerks_lifetime_and_the_public_API_URL()
    {
        var options = Resolve(new() { ["CLERK_SECRET_KEY"] = Key });

        Assert.Equal(new Uri("https://api.clerk.com"), options.ApiUrl);
        Assert.Null(options.TokenLifetimeSeconds);
        Assert.Null(options.TokenRefreshMarginSeconds);
        Assert.False(options.CreateSession);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
    }

    [Fact]
    public void Only_a_legacy_API_key_selects_the_legacy_mode()
    {
        var options = Resolve(new() { ["VERITY_API_KEY"] = "legacy" });

        Assert.True(options.IsLegacyMode);
    }

    [Theory]
    [InlineData(null, null, "CLERK_SECRET_KEY is not set: set it to your Clerk secret key (sk_test_… or sk_live_…) in the MCP server's env, or set VERITY_API_KEY for the legacy API-key mode.")]
    [InlineData("CLERK_SECRET_KEY", "pk_test_abc", "CLERK_SECRET_KEY is not a Clerk secret key")]
    [InlineData("CLERK_API_URL", "not a url", "CLERK_API_URL 'not a url' is not an absolute URL")]
    [InlineData("CLERK_API_URL", "ftp://clerk.example", "CLERK_API_URL 'ftp://clerk.example/' is not an http(s) URL")]
    [InlineData("CLERK_API_URL", "http://api.clerk.com", "CLERK_API_URL 'http://api.clerk.com/' is plain http to another machine")]
    [InlineData("CLERK_API_URL", "http://10.1.2.3:8080", "CLERK_API_URL 'http://10.1.2.3:8080/' is plain http to another machine")]
    [InlineData("CLERK_TOKEN_LIFETIME_SECONDS", "sixty", "CLERK_TOKEN_LIFETIME_SECONDS 'sixty' is not a whole number of seconds from 30 to 315360000")]
    [InlineData("CLERK_TOKEN_LIFETIME_SECONDS", "29", "CLERK_TOKEN_LIFETIME_SECONDS '29'")]
    [InlineData("CLERK_TOKEN_LIFETIME_SECONDS", "1.5", "CLERK_TOKEN_LIFETIME_SECONDS '1.5'")]
    [InlineData("CLERK_TOKEN_REFRESH_MARGIN_SECONDS", "-1", "CLERK_TOKEN_REFRESH_MARGIN_SECONDS '-1'")]
    [InlineData("CLERK_CREATE_SESSION", "yes", "CLERK_CREATE_SESSION 'yes' is not true or false")]
    [InlineData("CLERK_SESSION_ID", "abc", "CLERK_SESSION_ID 'abc' is not a Clerk session id")]
    [InlineData("CLERK_USER_ID", "abc", "CLERK_USER_ID 'abc' is not a Clerk user id")]
    [InlineData("CLERK_USER_EMAIL", "alice", "CLERK_USER_EMAIL 'alice' is not an e-mail address")]
    [InlineData("CLERK_JWT_TEMPLATE", "a/b", "CLERK_JWT_TEMPLATE 'a/b' is not a JWT template name")]
    [InlineData("CLERK_TIMEOUT_SECONDS", "0", "CLERK_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 600")]
    [InlineData("CLERK_TIMEOUT_SECONDS", "601", "CLERK_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 600")]
    [InlineData("CLERK_TIMEOUT_SECONDS", "ten", "CLERK_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 600")]
    public void A_bad_setting_fails_at_start_with_one_line_that_names_it(string? key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>();
        if (key != "CLERK_SECRET_KEY" || value is null)
        {
            settings["CLERK_SECRET_KEY"] = key is null ? null : Key;
        }

        if (key is not null)
        {
            settings[key] = value;
        }

        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.DoesNotContain(Key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_live_key_without_a_pinned_user_or_session_is_refused_in_one_line_naming_the_three_settings()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["CLERK_SECRET_KEY"] = "sk_live_0123456789abcdefLIVE" }));

        var line = Assert.Single(failure.Failures);
        Assert.Contains("CLERK_USER_ID, CLERK_USER_EMAIL or CLERK_SESSION_ID", line, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_live_0123456789abcdefLIVE", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CLERK_USER_ID", "user_1")]
    [InlineData("CLERK_USER_EMAIL", "a@example.com")]
    [InlineData("CLERK_SESSION_ID", "sess_1")]
    public void A_live_key_with_any_one_pin_is_accepted(string key, string value)
    {
        var options = Resolve(new() { ["CLERK_SECRET_KEY"] = "sk_live_0123456789abcdefLIVE", [key] = value });

        Assert.Equal("sk_live_0123456789abcdefLIVE", options.SecretKey);
    }

    [Theory]
    [InlineData("http://localhost:5000")]
    [InlineData("http://127.0.0.2:5000/clerk")]
    [InlineData("http://[::1]:5000")]
    public void Plain_http_to_a_local_emulator_is_accepted(string apiUrl)
    {
        Assert.Equal(new Uri(apiUrl), Resolve(new() { ["CLERK_SECRET_KEY"] = Key, ["CLERK_API_URL"] = apiUrl }).ApiUrl);
    }

    [Fact]
    public void A_margin_as_long_as_the_requested_lifetime_is_refused()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["CLERK_SECRET_KEY"] = Key,
            ["CLERK_TOKEN_LIFETIME_SECONDS"] = "60",
            ["CLERK_TOKEN_REFRESH_MARGIN_SECONDS"] = "60",
        }));

        Assert.Contains("CLERK_TOKEN_REFRESH_MARGIN_SECONDS '60'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_key_that_is_not_one_is_reported_without_echoing_it()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["CLERK_SECRET_KEY"] = "pk_live_SECRETISH" }));

        Assert.DoesNotContain("pk_live_SECRETISH", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_runs_at_start()
    {
        using var services = Services(new() { ["CLERK_SECRET_KEY"] = null });

        var validator = services.GetRequiredService<IStartupValidator>();

        Assert.Throws<OptionsValidationException>(validator.Validate);
    }

    [Theory]
    [InlineData("https://api.clerk.com", "https://api.clerk.com/v1/")]
    [InlineData("https://api.clerk.com/", "https://api.clerk.com/v1/")]
    [InlineData("https://api.clerk.com/v1", "https://api.clerk.com/v1/")]
    [InlineData("http://127.0.0.1:5000/clerk", "http://127.0.0.1:5000/clerk/v1/")]
    public void The_Clerk_client_talks_to_v1_under_the_configured_URL(string apiUrl, string expected)
    {
        Assert.Equal(new Uri(expected), ClerkAuthenticationExtensions.VersionedBase(new Uri(apiUrl)));
    }

    private static ClerkOptions Resolve(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        return services.GetRequiredService<IOptions<ClerkOptions>>().Value;
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddClerkTokenManagement(configuration);
        return services.BuildServiceProvider();
    }
}
