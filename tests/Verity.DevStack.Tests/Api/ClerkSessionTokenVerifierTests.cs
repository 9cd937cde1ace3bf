using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Verity.DevStack.Api.Auth;

namespace Verity.DevStack.Tests.Api;

/// <summary>The time and header rules of the token check, with a fixed key set (no HTTP needed for pure logic).</summary>
public sealed class ClerkSessionTokenVerifierTests
{
    private const string Kid = "ins_test";
    // One key for the class: generating RSA keys is slow on a busy machine.
    private static readonly RSA _key = RSA.Create(2048);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    private readonly ClerkSessionTokenVerifier _verifier;

    public ClerkSessionTokenVerifierTests() => _verifier = new ClerkSessionTokenVerifier(new FixedKeys(Kid, _key), _time, TimeSpan.FromSeconds(5));

    [Fact]
    public async Task A_well_formed_token_is_accepted_with_its_claims()
    {
        var check = await VerifyAsync(Claims(iat: 0, nbf: -10, exp: 60));
        Assert.Equal(AuthOutcome.Accepted, check.Outcome);
        Assert.Equal("user_1", check.Subject);
        Assert.Equal("sess_1", check.SessionId);
        Assert.Equal(Kid, check.KeyId);
    }

    [Theory]
    [InlineData(-70, -80, -6, AuthOutcome.Expired)]
    [InlineData(-70, -80, -5, AuthOutcome.Accepted)]
    [InlineData(0, 6, 60, AuthOutcome.NotYetValid)]
    [InlineData(0, 5, 60, AuthOutcome.Accepted)]
    [InlineData(6, -4, 60, AuthOutcome.IssuedInFuture)]
    [InlineData(5, -5, 60, AuthOutcome.Accepted)]
    public async Task Times_are_checked_with_five_seconds_of_skew(long iat, long nbf, long exp, AuthOutcome expected)
    {
        Assert.Equal(expected, (await VerifyAsync(Claims(iat, nbf, exp))).Outcome);
    }

    [Fact]
    public async Task A_token_without_exp_is_malformed()
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal(AuthOutcome.Malformed, (await VerifyAsync($$"""{"iat":{{now}},"sub":"user_1"}""")).Outcome);
    }

    [Theory]
    [InlineData("""{"alg":"none","kid":"ins_test"}""", AuthOutcome.UnsupportedAlgorithm)]
    [InlineData("""{"alg":"HS256","kid":"ins_test"}""", AuthOutcome.UnsupportedAlgorithm)]
    [InlineData("""{"alg":"RS256"}""", AuthOutcome.Malformed)]
    [InlineData("""{"alg":"RS256","kid":"ins_other"}""", AuthOutcome.UnknownKey)]
    public async Task The_header_must_name_RS256_and_a_known_kid(string header, AuthOutcome expected)
    {
        Assert.Equal(expected, (await VerifyAsync(Claims(0, -10, 60), header)).Outcome);
    }

    [Theory]
    [InlineData(null, AuthOutcome.MissingToken)]
    [InlineData("", AuthOutcome.MissingToken)]
    [InlineData("Token abc", AuthOutcome.MissingToken)]
    [InlineData("Bearer abc", AuthOutcome.Malformed)]
    [InlineData("Bearer !!.??.**", AuthOutcome.Malformed)]
    public async Task Missing_or_garbled_authorization_fails(string? authorization, AuthOutcome expected)
    {
        Assert.Equal(expected, (await _verifier.VerifyAsync(authorization, CancellationToken.None)).Outcome);
    }

    private string Claims(long iat, long nbf, long exp)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        return $$"""{"exp":{{now + exp}},"iat":{{now + iat}},"nbf":{{now + nbf}},"sid":"sess_1","sub":"user_1"}""";
    }

    private Task<TokenCheck> VerifyAsync(string payload, string header = """{"alg":"RS256","kid":"ins_test","typ":"JWT"}""")
    {
        var input = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return _verifier.VerifyAsync("Bearer " + input + "." + Base64Url.EncodeToString(signature), CancellationToken.None);
    }

    private sealed class FixedKeys(string kid, RSA key) : ISigningKeySource
    {
        public Task<RSA?> FindAsync(string keyId, CancellationToken cancellationToken) => Task.FromResult(keyId == kid ? key : null);
    }
}
