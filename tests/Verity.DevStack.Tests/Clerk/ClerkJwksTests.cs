using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk;

/// <summary>The JWKS and signature checks run on the real clock, because the JWT library validates lifetimes against it.</summary>
public sealed class ClerkJwksTests : IAsyncLifetime
{
    private ClerkEmulator _emulator = null!;
    private ClerkTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ClerkEmulator.StartAsync();
        _client = new ClerkTestClient(_emulator.BaseUrl, _emulator.SecretKey);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Jwks_has_clerks_shape_with_one_rsa_key()
    {
        var response = await _client.GetAsync("/v1/jwks");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var key = Assert.Single(response.Json.GetProperty("keys").EnumerateArray());
        Assert.Equal(["use", "kty", "kid", "alg", "n", "e"], key.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.Equal("AQAB", key.GetProperty("e").GetString());
        Assert.Equal(_emulator.Instance.CurrentKeyId, key.GetProperty("kid").GetString());
        Assert.Matches("^[A-Za-z0-9_-]{342}$", key.GetProperty("n").GetString());
    }

    [Fact]
    public async Task Jwks_needs_the_secret_key()
    {
        using var anonymous = new ClerkTestClient(_emulator.BaseUrl, secretKey: null);

        var response = await anonymous.GetAsync("/v1/jwks");

        response.AssertClerkError(HttpStatusCode.Unauthorized, "authorization_header_format_invalid");
    }

    [Fact]
    public async Task A_minted_token_verifies_against_the_jwks_with_a_standard_library()
    {
        var jwt = await MintAsync();

        var result = await ValidateAsync(jwt, await FetchSigningKeysAsync());

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(ClerkEmulatorSeed.AliceUserId, result.Claims["sub"]);
        Assert.Equal(ClerkEmulatorSeed.AliceSessionId, result.Claims["sid"]);
    }

    [Fact]
    public async Task The_jwks_also_reads_as_a_standard_key_set()
    {
        var jwt = await MintAsync();
        var response = await _client.GetAsync("/v1/jwks");

        var result = await ValidateAsync(jwt, new JsonWebKeySet(response.Body).GetSigningKeys());

        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task A_template_token_verifies_too()
    {
        var response = await _client.PostAsync($"/v1/sessions/{ClerkEmulatorSeed.BobRecentSessionId}/tokens/{ClerkEmulatorOptions.DefaultTemplateName}");
        var jwt = response.Json.GetProperty("jwt").GetString()!;

        var result = await ValidateAsync(jwt, await FetchSigningKeysAsync());

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(ClerkEmulatorSeed.BobEmail, result.Claims["email"]);
    }

    [Fact]
    public async Task A_tampered_token_fails_verification()
    {
        var jwt = await MintAsync();
        var parts = jwt.Split('.');
        var payload = JwtParts.Payload(jwt).GetRawText().Replace(ClerkEmulatorSeed.AliceUserId, ClerkEmulatorSeed.BobUserId, StringComparison.Ordinal);
        var forged = parts[0] + "." + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload)) + "." + parts[2];

        var result = await ValidateAsync(forged, await FetchSigningKeysAsync());

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task After_rotation_the_old_token_fails_and_a_new_one_verifies()
    {
        var oldJwt = await MintAsync();
        var oldKid = _emulator.Instance.CurrentKeyId;

        var newKid = _emulator.RotateSigningKey();
        var newJwt = await MintAsync();
        var keys = await FetchSigningKeysAsync();

        Assert.NotEqual(oldKid, newKid);
        Assert.Equal(newKid, Assert.Single(keys).KeyId);
        Assert.Equal(newKid, JwtParts.Header(newJwt).GetProperty("kid").GetString());
        Assert.False((await ValidateAsync(oldJwt, keys)).IsValid);
        Assert.True((await ValidateAsync(newJwt, keys)).IsValid);
    }

    private async Task<string> MintAsync()
    {
        var response = await _client.PostAsync($"/v1/sessions/{ClerkEmulatorSeed.AliceSessionId}/tokens");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Json.GetProperty("jwt").GetString()!;
    }

    private async Task<IList<SecurityKey>> FetchSigningKeysAsync()
    {
        var response = await _client.GetAsync("/v1/jwks");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return [.. response.Json.GetProperty("keys").EnumerateArray().Select(k => (SecurityKey)new JsonWebKey(k.GetRawText()))];
    }

    private Task<TokenValidationResult> ValidateAsync(string jwt, IList<SecurityKey> keys) =>
        new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = keys,
            ValidIssuer = _emulator.Issuer,
            ValidateAudience = false,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(5),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
}
