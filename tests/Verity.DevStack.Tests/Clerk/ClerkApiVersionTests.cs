using System.Net;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk;

public sealed class ClerkApiVersionTests(ClerkEmulatorFixture fixture) : SharedClerkEmulatorTests(fixture)
{
    [Fact]
    public async Task No_version_is_allowed()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/users")).Status);
    }

    [Theory]
    [InlineData("2026-05-12")]
    [InlineData("2025-11-10")]
    [InlineData("2025-04-10")]
    public async Task A_known_version_in_the_header_is_allowed_and_recorded(string version)
    {
        var response = await Client.GetAsync("/v1/users", r => r.Headers.Add("Clerk-API-Version", version));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(version, Emulator.Instance.Requests[^1].ApiVersion);
    }

    [Fact]
    public async Task A_known_version_in_the_query_is_allowed()
    {
        var response = await Client.PostAsync($"/v1/sessions/{ClerkEmulatorSeed.AliceSessionId}/tokens?__clerk_api_version=2026-05-12");

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Theory]
    [InlineData("2026-05-13")]
    [InlineData("latest")]
    [InlineData("")]
    public async Task An_unknown_version_is_400_api_version_invalid(string version)
    {
        var header = await Client.GetAsync("/v1/users", r => r.Headers.TryAddWithoutValidation("Clerk-API-Version", version));
        var query = await Client.GetAsync("/v1/users?__clerk_api_version=" + Uri.EscapeDataString(version));

        header.AssertClerkError(HttpStatusCode.BadRequest, "api_version_invalid");
        query.AssertClerkError(HttpStatusCode.BadRequest, "api_version_invalid");
    }

    [Fact]
    public async Task Header_and_query_together_are_400_api_version_invalid_even_when_equal()
    {
        var response = await Client.GetAsync(
            "/v1/users?__clerk_api_version=2026-05-12",
            r => r.Headers.Add("Clerk-API-Version", "2026-05-12"));

        response.AssertClerkError(HttpStatusCode.BadRequest, "api_version_invalid");
    }

    [Fact]
    public async Task The_version_is_checked_on_token_and_jwks_requests_too()
    {
        var issuedBefore = Emulator.TokensIssued;
        (await Client.PostAsync($"/v1/sessions/{ClerkEmulatorSeed.AliceSessionId}/tokens", configure: r => r.Headers.Add("Clerk-API-Version", "1999-01-01")))
            .AssertClerkError(HttpStatusCode.BadRequest, "api_version_invalid");
        (await Client.GetAsync("/v1/jwks", r => r.Headers.Add("Clerk-API-Version", "1999-01-01")))
            .AssertClerkError(HttpStatusCode.BadRequest, "api_version_invalid");
        Assert.Equal(issuedBefore, Emulator.TokensIssued);
    }
}
