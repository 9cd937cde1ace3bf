using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk;

public sealed class ClerkEmulatorHostingTests
{
    [Fact]
    public async Task StartAsync_listens_on_loopback_with_a_usable_base_url()
    {
        await using var emulator = await ClerkEmulator.StartAsync();

        var uri = new Uri(emulator.BaseUrl);
        Assert.Equal("127.0.0.1", uri.Host);
        Assert.NotEqual(0, uri.Port);
        Assert.Equal("/", uri.AbsolutePath);
        Assert.Equal(emulator.BaseUrl + "/v1/jwks", emulator.JwksUrl);
        Assert.Equal(ClerkEmulatorOptions.DefaultIssuer, emulator.Issuer);
    }

    [Fact]
    public async Task Two_emulators_are_independent()
    {
        await using var first = await ClerkEmulator.StartAsync();
        await using var second = await ClerkEmulator.StartAsync();
        using var client = new ClerkTestClient(second.BaseUrl, first.SecretKey);

        Assert.NotEqual(first.BaseUrl, second.BaseUrl);
        Assert.NotEqual(first.SecretKey, second.SecretKey);
        Assert.NotEqual(first.Instance.CurrentKeyId, second.Instance.CurrentKeyId);
        (await client.GetAsync("/v1/users")).AssertClerkError(HttpStatusCode.Unauthorized, "clerk_key_invalid");
    }

    [Fact]
    public async Task Options_choose_the_issuer_and_an_empty_directory()
    {
        await using var emulator = await ClerkEmulator.StartAsync(new ClerkEmulatorOptions { Issuer = "https://clerk.verity.example", Seed = false });
        using var client = new ClerkTestClient(emulator.BaseUrl, emulator.SecretKey);
        var user = emulator.Instance.AddUser("Erin", "Eve", "erin@example.com");
        var session = emulator.CreateSession(user.Id);

        var users = await client.GetAsync("/v1/users");
        var token = await client.PostAsync($"/v1/sessions/{session.Id}/tokens");

        Assert.Equal(user.Id, Assert.Single(users.Json.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("https://clerk.verity.example", JwtParts.Payload(token.Json.GetProperty("jwt").GetString()!).GetProperty("iss").GetString());
    }

    [Fact]
    public async Task The_endpoints_map_into_an_existing_app_under_a_prefix()
    {
        using var instance = new ClerkInstance();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapGet("/health", () => "ok");
        app.MapClerkEmulator(instance, "/clerk");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new ClerkTestClient(address + "/clerk", instance.SecretKey);

        var users = await client.GetAsync("/v1/users");
        var token = await client.PostAsync($"/v1/sessions/{ClerkEmulatorSeed.AliceSessionId}/tokens");
        var unknown = await client.GetAsync("/v1/nothing");

        Assert.Equal(HttpStatusCode.OK, users.Status);
        Assert.Equal(HttpStatusCode.OK, token.Status);
        unknown.AssertClerkError(HttpStatusCode.NotFound, "resource_not_found");
        Assert.Equal("/clerk/v1/users", instance.Requests[0].Path);
        await app.StopAsync();
    }

    [Fact]
    public async Task Reused_key_material_keeps_kids_unique_and_rotation_makes_fresh_material()
    {
        var first = await ClerkEmulator.StartAsync(new ClerkEmulatorOptions { ReuseSigningKeyMaterial = true });
        await using var second = await ClerkEmulator.StartAsync(new ClerkEmulatorOptions { ReuseSigningKeyMaterial = true });
        var sharedModulus = first.Instance.Keys.Current.PublicKey.N;

        Assert.Equal(sharedModulus, second.Instance.Keys.Current.PublicKey.N);
        Assert.NotEqual(first.Instance.CurrentKeyId, second.Instance.CurrentKeyId);
        first.RotateSigningKey();
        Assert.NotEqual(sharedModulus, first.Instance.Keys.Current.PublicKey.N);

        // Disposing one emulator must not dispose the material the other still signs with.
        await first.DisposeAsync();
        Assert.Equal(3, second.IssueToken(ClerkEmulatorSeed.AliceSessionId).Split('.').Length);
    }

    [Fact]
    public async Task In_process_minting_counts_and_refuses_inactive_sessions()
    {
        await using var emulator = await ClerkEmulator.StartAsync();

        var jwt = emulator.IssueToken(ClerkEmulatorSeed.CarolSessionId, lifetimeSeconds: 120);

        var payload = JwtParts.Payload(jwt);
        Assert.Equal(payload.GetProperty("iat").GetInt64() + 120, payload.GetProperty("exp").GetInt64());
        Assert.Equal(1, emulator.TokensIssued);
        Assert.Throws<KeyNotFoundException>(() => emulator.IssueToken(ClerkEmulatorSeed.DaveEndedSessionId));
        Assert.Throws<KeyNotFoundException>(() => emulator.IssueToken(ClerkEmulatorSeed.CarolSessionId, template: "nope"));
        Assert.Throws<KeyNotFoundException>(() => emulator.RevokeSession("sess_nobody"));
    }
}

public sealed class ClerkEmulatorOptionsTests
{
    public static TheoryData<string, Action<ClerkEmulatorOptions>> InvalidOptions => new()
    {
        { "Port", o => o.Port = 70000 },
        { "SecretKey", o => o.SecretKey = " " },
        { "Issuer", o => o.Issuer = "verity-dev.clerk.accounts.dev" },
        { "RateLimitPermits", o => o.RateLimitPermits = 0 },
        { "RateLimitWindow", o => o.RateLimitWindow = TimeSpan.Zero },
        { "JwtTemplates", o => o.JwtTemplates.Add(new ClerkJwtTemplate(ClerkEmulatorOptions.DefaultTemplateName)) },
        { "JwtTemplates", o => o.JwtTemplates.Add(new ClerkJwtTemplate("short", LifetimeSeconds: 5)) },
        { "OAuthAccessTokenLifetime", o => o.OAuthAccessTokenLifetime = TimeSpan.Zero },
        { "OAuthAuthorizationCodeLifetime", o => o.OAuthAuthorizationCodeLifetime = TimeSpan.FromSeconds(-1) },
        { "OAuthCustomScopes", o => o.OAuthCustomScopes.Add("tools write") },
        { "OAuthCustomScopes", o => o.OAuthCustomScopes.Add("openid") },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public async Task An_unworkable_option_is_refused_with_its_name(string optionName, Action<ClerkEmulatorOptions> configure)
    {
        var options = new ClerkEmulatorOptions();
        configure(options);

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => ClerkEmulator.StartAsync(options));

        Assert.Contains("ClerkEmulatorOptions." + optionName, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public void A_custom_rate_limit_replaces_clerks()
    {
        Assert.Equal(100, new ClerkEmulatorOptions().EffectiveRateLimitPermits);
        Assert.Equal(1000, new ClerkEmulatorOptions { InstanceType = ClerkInstanceType.Production }.EffectiveRateLimitPermits);
        Assert.Equal(7, new ClerkEmulatorOptions { RateLimitPermits = 7 }.EffectiveRateLimitPermits);
    }
}
