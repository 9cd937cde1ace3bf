using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Verity.DevStack.Api.Auth;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Api;

public sealed class SampleApiAuthTests(ApiStackFixture fixture) : IClassFixture<ApiStackFixture>
{
    private readonly ApiStack _stack = fixture.Fresh();

    [Fact]
    public async Task A_valid_token_is_accepted_and_its_claims_recorded()
    {
        using var response = await _stack.GetAsync("/api/agents");
        await ApiStack.ReadJsonAsync(response, 200);

        var recorded = Assert.Single(_stack.Host.Api.Requests.Requests);
        Assert.Equal(AuthOutcome.Accepted, recorded.AuthOutcome);
        Assert.Equal(ClerkEmulatorSeed.AliceUserId, recorded.Subject);
        Assert.Equal(ClerkEmulatorSeed.AliceSessionId, recorded.SessionId);
    }

    [Fact]
    public async Task No_token_is_401_with_a_json_error()
    {
        using var response = await _stack.Http.GetAsync("/api/agents");
        Assert.Equal("unauthorized", await ApiStack.ErrorCodeAsync(response, 401));
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(AuthOutcome.MissingToken, Assert.Single(_stack.Host.Api.Requests.Requests).AuthOutcome);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    public async Task A_malformed_authorization_is_401(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/agents");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await _stack.Http.SendAsync(request);
        await ApiStack.ErrorCodeAsync(response, 401);
    }

    [Fact]
    public async Task An_expired_token_is_401_after_the_five_second_skew()
    {
        var token = _stack.Token(lifetimeSeconds: 60);

        _stack.Time.Advance(TimeSpan.FromSeconds(64));
        using (var withinSkew = await _stack.GetAsync("/api/agents", token))
        {
            await ApiStack.ReadJsonAsync(withinSkew, 200);
        }

        _stack.Time.Advance(TimeSpan.FromSeconds(2));
        using var expired = await _stack.GetAsync("/api/agents", token);
        await ApiStack.ErrorCodeAsync(expired, 401);
        Assert.Equal(AuthOutcome.Expired, _stack.Host.Api.Requests.Requests[^1].AuthOutcome);
    }

    [Fact]
    public async Task A_token_with_a_tampered_payload_fails_the_signature_check()
    {
        var parts = _stack.Token().Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]))
            .Replace(ClerkEmulatorSeed.AliceUserId, ClerkEmulatorSeed.BobUserId, StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        using var response = await _stack.GetAsync("/api/agents", forged);
        await ApiStack.ErrorCodeAsync(response, 401);
        Assert.Equal(AuthOutcome.BadSignature, _stack.Host.Api.Requests.Requests[^1].AuthOutcome);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_with_the_instance_kid_fails()
    {
        using var foreign = RSA.Create(2048);
        var token = SignToken(foreign, _stack.Host.Clerk.Instance.CurrentKeyId, _stack.Time.GetUtcNow());

        using var response = await _stack.GetAsync("/api/agents", token);
        await ApiStack.ErrorCodeAsync(response, 401);
        Assert.Equal(AuthOutcome.BadSignature, _stack.Host.Api.Requests.Requests[^1].AuthOutcome);
    }

    [Fact]
    public async Task The_jwks_is_cached_for_five_minutes()
    {
        using (var warm = await _stack.GetAsync("/api/agents"))
        {
            await ApiStack.ReadJsonAsync(warm, 200);
        }

        var fetches = _stack.Host.Api.JwksFetchCount;
        _stack.Time.Advance(TimeSpan.FromMinutes(4));
        for (var i = 0; i < 3; i++)
        {
            using var response = await _stack.GetAsync("/api/agents");
            await ApiStack.ReadJsonAsync(response, 200);
        }

        Assert.Equal(fetches, _stack.Host.Api.JwksFetchCount);

        _stack.Time.Advance(TimeSpan.FromMinutes(1));
        using (var response = await _stack.GetAsync("/api/agents"))
        {
            await ApiStack.ReadJsonAsync(response, 200);
        }

        Assert.Equal(fetches + 1, _stack.Host.Api.JwksFetchCount);
    }

    [Fact]
    public async Task After_a_key_rotation_new_tokens_are_accepted_at_once_and_old_ones_rejected()
    {
        var oldToken = _stack.Token();
        using (var before = await _stack.GetAsync("/api/agents", oldToken))
        {
            await ApiStack.ReadJsonAsync(before, 200);
        }

        var fetches = _stack.Host.Api.JwksFetchCount;
        _stack.Host.Clerk.RotateSigningKey();
        using (var fresh = await _stack.GetAsync("/api/agents", _stack.Token()))
        {
            await ApiStack.ReadJsonAsync(fresh, 200);
        }

        Assert.Equal(fetches + 1, _stack.Host.Api.JwksFetchCount);

        using var stale = await _stack.GetAsync("/api/agents", oldToken);
        await ApiStack.ErrorCodeAsync(stale, 401);
        Assert.Equal(AuthOutcome.UnknownKey, _stack.Host.Api.Requests.Requests[^1].AuthOutcome);
    }

    [Fact]
    public async Task When_the_jwks_cannot_be_loaded_the_request_is_401()
    {
        // A stack of its own: the shared one has its keys cached already.
        await using var stack = await ApiStack.StartAsync();
        stack.Host.Clerk.InjectFaults(1, 503, "/v1/jwks");
        using var response = await stack.GetAsync("/api/agents");
        await ApiStack.ErrorCodeAsync(response, 401);
        Assert.Equal(AuthOutcome.KeysUnavailable, stack.Host.Api.Requests.Requests[^1].AuthOutcome);

        using var next = await stack.GetAsync("/api/agents");
        await ApiStack.ReadJsonAsync(next, 200);
    }

    internal static string SignToken(RSA key, string kid, DateTimeOffset issuedAt)
    {
        var iat = issuedAt.ToUnixTimeSeconds();
        var header = $$"""{"alg":"RS256","kid":"{{kid}}","typ":"JWT"}""";
        var payload = $$"""{"exp":{{iat + 60}},"iat":{{iat}},"nbf":{{iat - 10}},"sid":"{{ClerkEmulatorSeed.AliceSessionId}}","sub":"{{ClerkEmulatorSeed.AliceUserId}}"}""";
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }
}
