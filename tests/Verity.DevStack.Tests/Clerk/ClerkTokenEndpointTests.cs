using System.Net;
using System.Text.Json;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk;

public sealed class ClerkTokenEndpointTests : ClerkEmulatorTestBase
{
    private const string AliceTokens = "/v1/sessions/" + ClerkEmulatorSeed.AliceSessionId + "/tokens";

    [Fact]
    public async Task Mints_a_token_object_with_a_jwt()
    {
        var response = await Client.PostAsync(AliceTokens);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("token", response.Json.GetProperty("object").GetString());
        var jwt = response.Json.GetProperty("jwt").GetString()!;
        Assert.Equal(3, jwt.Split('.').Length);
        Assert.Equal(1, Emulator.TokensIssued);
        Assert.Equal(1, Emulator.Instance.TokensIssuedFor(ClerkEmulatorSeed.AliceSessionId));
    }

    [Fact]
    public async Task Header_is_clerks()
    {
        var jwt = await MintAsync(AliceTokens);

        var header = JwtParts.Header(jwt);
        Assert.Equal(["alg", "kid", "typ", "cat"], header.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal("JWT", header.GetProperty("typ").GetString());
        Assert.Equal("cl_B7d4PD111AAA", header.GetProperty("cat").GetString());
        Assert.Equal(Emulator.Instance.CurrentKeyId, header.GetProperty("kid").GetString());
        Assert.StartsWith("ins_", header.GetProperty("kid").GetString());
    }

    [Fact]
    public async Task Claims_follow_clerks_arithmetic_with_a_sixty_second_default_lifetime()
    {
        Time.Advance(TimeSpan.FromSeconds(42));
        var iat = Start.AddSeconds(42).ToUnixTimeSeconds();

        var payload = JwtParts.Payload(await MintAsync(AliceTokens));

        Assert.Equal(ClerkEmulatorSeed.AliceUserId, payload.GetProperty("sub").GetString());
        Assert.Equal(ClerkEmulatorSeed.AliceSessionId, payload.GetProperty("sid").GetString());
        Assert.Equal(ClerkEmulatorOptions.DefaultIssuer, payload.GetProperty("iss").GetString());
        Assert.Equal(iat, payload.GetProperty("iat").GetInt64());
        Assert.Equal(iat - 10, payload.GetProperty("nbf").GetInt64());
        Assert.Equal(iat + 60, payload.GetProperty("exp").GetInt64());
        Assert.Equal(2, payload.GetProperty("v").GetInt32());
        Assert.Matches("^[0-9a-f]{20}$", payload.GetProperty("jti").GetString());
        var fva = payload.GetProperty("fva").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal([120, -1], fva);
        Assert.False(payload.TryGetProperty("azp", out _));
    }

    [Fact]
    public async Task Every_token_has_a_fresh_jti()
    {
        var first = JwtParts.Payload(await MintAsync(AliceTokens)).GetProperty("jti").GetString();
        var second = JwtParts.Payload(await MintAsync(AliceTokens)).GetProperty("jti").GetString();

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Revoked_and_ended_sessions_stop_minting()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(AliceTokens)).Status);

        Emulator.RevokeSession(ClerkEmulatorSeed.AliceSessionId);
        Emulator.EndSession(ClerkEmulatorSeed.CarolSessionId);

        (await Client.PostAsync(AliceTokens)).AssertClerkError(HttpStatusCode.NotFound, "resource_not_found");
        (await Client.PostAsync($"/v1/sessions/{ClerkEmulatorSeed.CarolSessionId}/tokens"))
            .AssertClerkError(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Fact]
    public async Task An_expired_session_stops_minting()
    {
        Time.Advance(TimeSpan.FromDays(7));

        (await Client.PostAsync(AliceTokens)).AssertClerkError(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Fact]
    public async Task A_known_template_mints_a_template_token()
    {
        var payload = JwtParts.Payload(await MintAsync(AliceTokens + "/" + ClerkEmulatorOptions.DefaultTemplateName));

        Assert.Equal(ClerkEmulatorSeed.AliceUserId, payload.GetProperty("sub").GetString());
        Assert.Equal(ClerkEmulatorSeed.AliceEmail, payload.GetProperty("email").GetString());
        Assert.Equal(payload.GetProperty("iat").GetInt64() + 60, payload.GetProperty("exp").GetInt64());
        Assert.Equal(ClerkEmulatorOptions.DefaultTemplateName, Assert.Single(Emulator.Instance.IssuedTokens).Template);
    }

    [Fact]
    public async Task Issued_token_metadata_matches_the_jwt_and_never_holds_its_text()
    {
        var jwt = await MintAsync(AliceTokens);

        var issued = Assert.Single(Emulator.Instance.IssuedTokens);
        var payload = JwtParts.Payload(jwt);
        Assert.Equal(payload.GetProperty("jti").GetString(), issued.TokenId);
        Assert.Equal(payload.GetProperty("exp").GetInt64(), issued.ExpiresAt.ToUnixTimeSeconds());
        Assert.DoesNotContain(jwt, issued.ToString(), StringComparison.Ordinal);
    }

    private async Task<string> MintAsync(string path, string? body = null)
    {
        var response = await Client.PostAsync(path, body);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Json.GetProperty("jwt").GetString()!;
    }
}

public sealed class ClerkConcurrentMintTests : ClerkEmulatorTestBase
{
    [Fact]
    public async Task Concurrent_mints_each_get_their_own_token_and_are_all_counted()
    {
        var sessions = new[] { ClerkEmulatorSeed.AliceSessionId, ClerkEmulatorSeed.BobRecentSessionId, ClerkEmulatorSeed.CarolSessionId };

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            Task.Run(() => Client.PostAsync($"/v1/sessions/{sessions[i % 3]}/tokens"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var tokenIds = responses.Select(r => JwtParts.Payload(r.Json.GetProperty("jwt").GetString()!).GetProperty("jti").GetString()).ToHashSet();
        Assert.Equal(60, tokenIds.Count);
        Assert.Equal(60, Emulator.TokensIssued);
        Assert.All(sessions, s => Assert.Equal(20, Emulator.Instance.TokensIssuedFor(s)));
    }
}

/// <summary>Request validation and lifetimes: these tests read no counters another test could move, so they share one emulator.</summary>
public sealed class ClerkTokenRequestTests(ClerkEmulatorFixture fixture) : SharedClerkEmulatorTests(fixture)
{
    private const string AliceTokens = "/v1/sessions/" + ClerkEmulatorSeed.AliceSessionId + "/tokens";

    [Theory]
    [InlineData(30)]
    [InlineData(3600)]
    [InlineData(315360000)]
    public async Task Expires_in_seconds_sets_the_lifetime(int seconds)
    {
        var payload = JwtParts.Payload(await MintAsync(AliceTokens, $$"""{"expires_in_seconds":{{seconds}}}"""));

        Assert.Equal(payload.GetProperty("iat").GetInt64() + seconds, payload.GetProperty("exp").GetInt64());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"expires_in_seconds":null}""")]
    public async Task An_empty_or_absent_lifetime_uses_the_default(string body)
    {
        var payload = JwtParts.Payload(await MintAsync(AliceTokens, body));

        Assert.Equal(payload.GetProperty("iat").GetInt64() + 60, payload.GetProperty("exp").GetInt64());
    }

    [Theory]
    [InlineData("""{"expires_in_seconds":90.5}""")]
    [InlineData("""{"expires_in_seconds":"90"}""")]
    [InlineData("""{"expires_in_seconds":true}""")]
    [InlineData("""{"expires_in_seconds":1e2}""")]
    [InlineData("""[60]""")]
    [InlineData("""{"expires_in_seconds":""")]
    public async Task A_non_integer_lifetime_or_bad_json_is_400_request_body_invalid(string body)
    {
        var issuedBefore = Emulator.TokensIssued;

        var response = await Client.PostAsync(AliceTokens, body);

        response.AssertClerkError(HttpStatusCode.BadRequest, "request_body_invalid");
        Assert.Equal(issuedBefore, Emulator.TokensIssued);
    }

    [Theory]
    [InlineData(29)]
    [InlineData(0)]
    [InlineData(315360001)]
    public async Task A_lifetime_out_of_range_is_422_form_param_value_invalid(long seconds)
    {
        var response = await Client.PostAsync(AliceTokens, $$"""{"expires_in_seconds":{{seconds}}}""");

        var error = response.AssertClerkError(HttpStatusCode.UnprocessableEntity, "form_param_value_invalid");
        Assert.Equal("expires_in_seconds", error.GetProperty("meta").GetProperty("param_name").GetString());
    }

    [Theory]
    [InlineData("sess_doesnotexist")]
    [InlineData(ClerkEmulatorSeed.AliceEndedSessionId)]
    [InlineData(ClerkEmulatorSeed.DaveEndedSessionId)]
    public async Task Unknown_or_ended_session_is_404_resource_not_found(string sessionId)
    {
        var response = await Client.PostAsync($"/v1/sessions/{sessionId}/tokens");

        response.AssertClerkError(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Fact]
    public async Task A_template_token_honours_expires_in_seconds()
    {
        var payload = JwtParts.Payload(await MintAsync(AliceTokens + "/" + ClerkEmulatorOptions.DefaultTemplateName, """{"expires_in_seconds":300}"""));

        Assert.Equal(payload.GetProperty("iat").GetInt64() + 300, payload.GetProperty("exp").GetInt64());
    }

    [Fact]
    public async Task An_unknown_template_is_404_resource_not_found_naming_the_template_as_Clerk_does()
    {
        var issuedBefore = Emulator.TokensIssued;

        var response = await Client.PostAsync(AliceTokens + "/no-such-template");

        var error = response.AssertClerkError(HttpStatusCode.NotFound, "resource_not_found");
        Assert.Equal("JWT template not found", error.GetProperty("message").GetString());
        Assert.Equal("No JWT template exists with name: no-such-template", error.GetProperty("long_message").GetString());
        Assert.Equal(issuedBefore, Emulator.TokensIssued);
    }

    private async Task<string> MintAsync(string path, string? body = null)
    {
        var response = await Client.PostAsync(path, body);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Json.GetProperty("jwt").GetString()!;
    }
}
