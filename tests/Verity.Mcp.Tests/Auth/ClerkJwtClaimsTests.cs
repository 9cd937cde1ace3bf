using System.Buffers.Text;
using System.Text;
using Verity.Mcp.Auth;

namespace Verity.Mcp.Tests.Auth;

public sealed class ClerkJwtClaimsTests
{
    [Fact]
    public void The_claims_come_from_the_payload()
    {
        var jwt = Jwt("""{"azp":null,"exp":1795000060,"fva":[0,-1],"iat":1795000000,"iss":"https://x","nbf":1794999990,"sid":"sess_1","sub":"user_1","v":2}""");

        var token = ClerkSessionToken.Parse(jwt, "sess_fallback");

        Assert.Equal("user_1", token.Subject);
        Assert.Equal("sess_1", token.SessionId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795000000), token.IssuedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795000060), token.ExpiresAt);
    }

    [Fact]
    public void A_fractional_exp_and_a_template_without_sid_are_accepted()
    {
        var token = ClerkSessionToken.Parse(Jwt("""{"exp":1795000060.75,"sub":"user_1","nested":{"exp":1}}"""), "sess_fallback");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795000060), token.ExpiresAt);
        Assert.Equal("sess_fallback", token.SessionId);
        Assert.Null(token.IssuedAt);
    }

    [Theory]
    [InlineData("""{"sub":"user_1"}""")]
    [InlineData("""{"exp":"soon"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"exp":""")]
    public void A_token_without_a_usable_exp_is_refused_without_showing_it(string payload)
    {
        var jwt = Jwt(payload);

        var failure = Assert.Throws<ClerkAuthenticationException>(() => ClerkSessionToken.Parse(jwt, "sess_1"));

        Assert.DoesNotContain(jwt, failure.Message, StringComparison.Ordinal);
        Assert.Contains("exp", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-dots")]
    [InlineData("one.dot")]
    [InlineData("a.!!!.c")]
    public void Text_that_is_not_a_JWT_is_refused(string text)
    {
        Assert.Throws<ClerkAuthenticationException>(() => ClerkSessionToken.Parse(text, "sess_1"));
    }

    [Fact]
    public void ToString_names_the_token_by_sid_exp_and_hash_only()
    {
        var jwt = Jwt("""{"exp":1795000060,"sid":"sess_1"}""");

        var token = ClerkSessionToken.Parse(jwt, "sess_1");

        Assert.Matches("^[0-9a-f]{8}$", token.Fingerprint);
        Assert.Equal($"sid=sess_1 exp=2026-11-18T11:07:40.0000000+00:00 hash={token.Fingerprint}", token.ToString());
        Assert.DoesNotContain(jwt.Split('.')[1], token.ToString(), StringComparison.Ordinal);
    }

    private static string Jwt(string payload) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"alg":"RS256","typ":"JWT"}""")) + "."
        + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + ".c2lnbmF0dXJl";
}
