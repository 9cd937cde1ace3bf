using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Verity.Mcp.HttpServer.Configuration;
using Verity.Mcp.HttpServer.OAuth;
using Verity.Mcp.HttpServer.Tests.Infrastructure;

namespace Verity.Mcp.HttpServer.Tests;

/// <summary>
/// The token verifier and the JWKS cache on a fake clock against the tests' loopback JWKS server: the clock-skew
/// edges, a rotated key picked up by one refetch, and refetches for unknown keys limited to one per interval.
/// </summary>
public sealed class AccessTokenVerifierTests : IAsyncLifetime
{
    private const string Audience = "https://mcp.example.com/mcp";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private TestJwksServer _issuer = null!;
    private ServiceProvider _services = null!;
    private JwksCache _keys = null!;
    private AccessTokenVerifier _verifier = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestJwksServer.StartAsync();
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var options = new HttpServerOptions
        {
            PublicUrlText = Audience,
            PublicUrl = new Uri(Audience),
            FrontendApiUrlText = _issuer.Issuer,
            FrontendApiUrl = new Uri(_issuer.Issuer),
        };
        _keys = new JwksCache(_services.GetRequiredService<IHttpClientFactory>(), options, _time, NullLogger<JwksCache>.Instance);
        _verifier = new AccessTokenVerifier(_keys, options, _time);
    }

    public async Task DisposeAsync()
    {
        _keys.Dispose();
        await _services.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task A_valid_token_gives_its_subject_scopes_and_client()
    {
        var check = await _verifier.VerifyAsync(_issuer.Token(Audience, "tools:read tools:write", _time), default);

        Assert.Null(check.Failure);
        Assert.Equal(Verity.DevStack.Clerk.ClerkEmulatorSeed.AliceUserId, check.Token!.Subject);
        Assert.Equal(["tools:read", "tools:write"], check.Token.Scopes.Order(StringComparer.Ordinal));
        Assert.Equal("client_test", check.Token.ClientId);
    }

    [Fact]
    public async Task Expiry_is_allowed_the_clock_skew_and_no_more()
    {
        var token = _issuer.Token(Audience, "tools:read", _time, claims => claims["exp"] = _time.GetUtcNow().ToUnixTimeSeconds() + 60);

        _time.Advance(TimeSpan.FromSeconds(60) + AccessTokenVerifier.ClockSkew - TimeSpan.FromSeconds(1));
        var withinSkew = await _verifier.VerifyAsync(token, default);
        _time.Advance(TimeSpan.FromSeconds(1));
        var pastSkew = await _verifier.VerifyAsync(token, default);

        Assert.Null(withinSkew.Failure);
        Assert.Equal("the token has expired", pastSkew.Failure);
    }

    [Fact]
    public async Task Not_before_is_allowed_the_clock_skew_and_no_more()
    {
        var start = _time.GetUtcNow().ToUnixTimeSeconds();
        var early = _issuer.Token(Audience, "tools:read", _time, claims => claims["nbf"] = start + (long)AccessTokenVerifier.ClockSkew.TotalSeconds);
        var tooEarly = _issuer.Token(Audience, "tools:read", _time, claims => claims["nbf"] = start + (long)AccessTokenVerifier.ClockSkew.TotalSeconds + 1);

        Assert.Null((await _verifier.VerifyAsync(early, default)).Failure);
        Assert.Equal("the token is not valid yet", (await _verifier.VerifyAsync(tooEarly, default)).Failure);
    }

    [Fact]
    public async Task An_audience_list_naming_this_server_is_accepted_and_a_trailing_slash_ignored()
    {
        var listed = _issuer.Token(Audience, "tools:read", _time, claims => claims["aud"] = new System.Text.Json.Nodes.JsonArray("https://other.example.com", Audience + "/"));

        Assert.Null((await _verifier.VerifyAsync(listed, default)).Failure);
    }

    [Fact]
    public async Task A_rotated_key_is_fetched_once_its_first_token_arrives()
    {
        Assert.Null((await _verifier.VerifyAsync(_issuer.Token(Audience, "tools:read", _time), default)).Failure);
        var fetches = _issuer.JwksFetches;

        _issuer.Rotate();
        _time.Advance(JwksCache.MinRefetchInterval);
        var check = await _verifier.VerifyAsync(_issuer.Token(Audience, "tools:read", _time), default);
        var again = await _verifier.VerifyAsync(_issuer.Token(Audience, "tools:read", _time), default);

        Assert.Null(check.Failure);
        Assert.Null(again.Failure);
        Assert.Equal(fetches + 1, _issuer.JwksFetches);
    }

    [Fact]
    public async Task Unknown_keys_cause_at_most_one_fetch_per_interval()
    {
        Assert.Null((await _verifier.VerifyAsync(_issuer.Token(Audience, "tools:read", _time), default)).Failure);
        var fetches = _issuer.JwksFetches;

        for (var i = 0; i < 5; i++)
        {
            var check = await _verifier.VerifyAsync(_issuer.Token(Audience, "tools:read", _time, kid: $"kid_made_up_{i}"), default);
            Assert.Equal("the token is signed with an unknown key", check.Failure);
        }

        Assert.Equal(fetches, _issuer.JwksFetches); // the first fetch was within the interval
        _time.Advance(JwksCache.MinRefetchInterval);
        await _verifier.VerifyAsync(_issuer.Token(Audience, "tools:read", _time, kid: "kid_made_up_later"), default);
        Assert.Equal(fetches + 1, _issuer.JwksFetches);
    }

    [Fact]
    public async Task Keys_are_refetched_once_they_are_older_than_the_maximum_age()
    {
        Assert.Null((await _verifier.VerifyAsync(_issuer.Token(Audience, "tools:read", _time), default)).Failure);
        var fetches = _issuer.JwksFetches;

        _time.Advance(JwksCache.MaxAge);
        Assert.Null((await _verifier.VerifyAsync(_issuer.Token(Audience, "tools:read", _time), default)).Failure);

        Assert.Equal(fetches + 1, _issuer.JwksFetches);
    }
}
