using System.Net;
using System.Net.Http.Headers;

namespace Verity.DevStack.Tests.Clerk;

public sealed class ClerkAuthenticationTests(ClerkEmulatorFixture fixture) : SharedClerkEmulatorTests(fixture)
{
    [Fact]
    public async Task A_missing_authorization_header_is_401_authorization_header_format_invalid()
    {
        using var anonymous = ClientWithKey(null);

        var response = await anonymous.GetAsync("/v1/users");

        response.AssertClerkError(HttpStatusCode.Unauthorized, "authorization_header_format_invalid");
    }

    [Theory]
    [InlineData("Basic", "c2tfdGVzdF94eXo=")]
    [InlineData("Token", "sk_test_abc")]
    public async Task A_non_bearer_scheme_is_401_authorization_header_format_invalid(string scheme, string value)
    {
        using var anonymous = ClientWithKey(null);

        var response = await anonymous.GetAsync(
            "/v1/users",
            request => request.Headers.Authorization = new AuthenticationHeaderValue(scheme, value));

        response.AssertClerkError(HttpStatusCode.Unauthorized, "authorization_header_format_invalid");
    }

    [Fact]
    public async Task A_bare_bearer_is_401_authorization_header_format_invalid()
    {
        using var anonymous = ClientWithKey(null);

        var response = await anonymous.GetAsync(
            "/v1/users",
            request => request.Headers.TryAddWithoutValidation("Authorization", "Bearer "));

        response.AssertClerkError(HttpStatusCode.Unauthorized, "authorization_header_format_invalid");
    }

    [Theory]
    [InlineData("sk_test_wrongwrongwrongwrongwrongwrongwrong1")]
    [InlineData("sk_live_wrongwrongwrongwrongwrongwrongwrong1")]
    public async Task A_wrong_key_is_401_clerk_key_invalid_on_every_endpoint(string wrongKey)
    {
        using var wrong = ClientWithKey(wrongKey);
        var issuedBefore = Emulator.TokensIssued;

        (await wrong.GetAsync("/v1/users")).AssertClerkError(HttpStatusCode.Unauthorized, "clerk_key_invalid");
        (await wrong.GetAsync("/v1/sessions?user_id=x")).AssertClerkError(HttpStatusCode.Unauthorized, "clerk_key_invalid");
        (await wrong.PostAsync("/v1/sessions", "{}")).AssertClerkError(HttpStatusCode.Unauthorized, "clerk_key_invalid");
        (await wrong.PostAsync("/v1/sessions/x/tokens")).AssertClerkError(HttpStatusCode.Unauthorized, "clerk_key_invalid");
        (await wrong.PostAsync("/v1/sessions/x/tokens/verity")).AssertClerkError(HttpStatusCode.Unauthorized, "clerk_key_invalid");
        (await wrong.GetAsync("/v1/jwks")).AssertClerkError(HttpStatusCode.Unauthorized, "clerk_key_invalid");
        Assert.Equal(issuedBefore, Emulator.TokensIssued);
    }

    [Fact]
    public async Task The_key_never_appears_in_an_error_body()
    {
        using var wrong = ClientWithKey(Emulator.SecretKey + "x");

        var response = await wrong.GetAsync("/v1/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.DoesNotContain(Emulator.SecretKey, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generated_key_looks_like_a_clerk_test_key()
    {
        Assert.Matches("^sk_test_[0-9A-Za-z]{40}$", Emulator.SecretKey);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/users")).Status);
    }

    [Fact]
    public async Task An_unknown_v1_path_is_a_clerk_404_after_the_key_check()
    {
        using var anonymous = ClientWithKey(null);

        (await Client.GetAsync("/v1/organizations")).AssertClerkError(HttpStatusCode.NotFound, "resource_not_found");
        (await Client.SendAsync(HttpMethod.Delete, "/v1/users", body: null)).AssertClerkError(HttpStatusCode.NotFound, "resource_not_found");
        (await anonymous.GetAsync("/v1/organizations")).AssertClerkError(HttpStatusCode.Unauthorized, "authorization_header_format_invalid");
    }
}

public sealed class ClerkConfiguredKeyTests : ClerkEmulatorTestBase
{
    private const string Key = "sk_test_configuredconfiguredconfigured0001";

    protected override void Configure(Verity.DevStack.Clerk.ClerkEmulatorOptions options) => options.SecretKey = Key;

    [Fact]
    public async Task A_configured_key_is_the_one_accepted()
    {
        Assert.Equal(Key, Emulator.SecretKey);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/users")).Status);
    }
}
