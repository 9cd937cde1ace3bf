using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Verity.Mcp.Auth;

namespace Verity.Mcp.Tests.Auth;

public sealed class ClerkSignedInUserOptionsTests
{
    private const string Key = "sk_test_0123456789abcdefSIGNEDIN";
    private const string LiveKey = "sk_live_0123456789abcdefSIGNEDIN";

    [Fact]
    public void Defaults_keep_a_thousand_users_for_fifteen_idle_minutes_and_name_no_particular_app()
    {
        using var services = Services(new() { ["CLERK_SECRET_KEY"] = Key });

        var options = services.GetRequiredService<IOptions<ClerkSignedInUserOptions>>().Value;

        Assert.Equal(1_000, options.MaxCachedUsers);
        Assert.Equal(TimeSpan.FromSeconds(900), options.UserIdle);
        Assert.Equal("the web app", services.GetRequiredService<IOptions<ClerkOptions>>().Value.AppName);
    }

    [Fact]
    public void Settings_bind_from_their_keys()
    {
        using var services = Services(
            new() { ["CLERK_SECRET_KEY"] = Key, ["CLERK_MAX_CACHED_USERS"] = "50", ["CLERK_USER_IDLE_SECONDS"] = "120" });

        var options = services.GetRequiredService<IOptions<ClerkSignedInUserOptions>>().Value;

        Assert.Equal(50, options.MaxCachedUsers);
        Assert.Equal(TimeSpan.FromSeconds(120), options.UserIdle);
    }

    [Theory]
    [InlineData("CLERK_MAX_CACHED_USERS", "0")]
    [InlineData("CLERK_MAX_CACHED_USERS", "1000001")]
    [InlineData("CLERK_MAX_CACHED_USERS", "many")]
    [InlineData("CLERK_USER_IDLE_SECONDS", "0")]
    [InlineData("CLERK_USER_IDLE_SECONDS", "86401")]
    [InlineData("CLERK_USER_IDLE_SECONDS", "ten")]
    public void A_bad_setting_fails_at_start_with_one_line_that_names_it(string key, string value)
    {
        using var services = Services(new() { ["CLERK_SECRET_KEY"] = Key, [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(services.GetRequiredService<IStartupValidator>().Validate);

        var line = Assert.Single(failure.Failures);
        Assert.StartsWith(key + " must be a whole number", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Theory]
    [InlineData("CLERK_USER_ID", "user_1")]
    [InlineData("CLERK_USER_EMAIL", "a@example.com")]
    [InlineData("CLERK_SESSION_ID", "sess_1")]
    [InlineData("CLERK_CREATE_SESSION", "true")]
    [InlineData("VERITY_API_KEY", "legacy")]
    public void A_setting_that_picks_one_identity_for_the_whole_process_is_refused(string key, string value)
    {
        using var services = Services(new() { ["CLERK_SECRET_KEY"] = Key, [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ClerkOptions>>().Value);

        var line = Assert.Single(failure.Failures);
        Assert.StartsWith($"{key} is set, but this server acts for each call's signed-in user", line, StringComparison.Ordinal);
        Assert.EndsWith($"remove {key}.", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_secret_key_is_required_and_a_legacy_key_is_no_substitute()
    {
        using var services = Services(new() { ["VERITY_API_KEY"] = "legacy" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ClerkOptions>>().Value);

        Assert.Contains(failure.Failures, line => line.StartsWith("CLERK_SECRET_KEY is not set: the server mints each signed-in user's", StringComparison.Ordinal));
        Assert.DoesNotContain("legacy", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_live_key_needs_no_pinned_user_because_each_call_brings_its_own()
    {
        using var services = Services(new() { ["CLERK_SECRET_KEY"] = LiveKey });

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(LiveKey, services.GetRequiredService<IOptions<ClerkOptions>>().Value.SecretKey);
    }

    [Fact]
    public void Every_token_manager_the_container_hands_out_is_the_signed_in_users()
    {
        using var services = Services(new() { ["CLERK_SECRET_KEY"] = Key });

        Assert.Same(services.GetRequiredService<ClerkSignedInUserTokens>(), services.GetRequiredService<IClerkTokenManager>());
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, Action<ClerkSignedInUserOptions>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpClient("Api.Test").AddClerkSignedInUserAuthentication(configuration, configure);
        return services.BuildServiceProvider();
    }
}
