using System.Net;
using System.Text;
using Verity.Mcp.Auth;
using Microsoft.Extensions.DependencyInjection;
using Verity.Mcp.Http;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Auth;

public sealed class ClerkAuthHandlerTests
{
    [Fact]
    public async Task Requests_carry_a_session_token_that_verifies_against_the_JWKS()
    {
        await using var api = await AuthenticatedApi.StartAsync();
        using var http = api.CreateClient();

        using var response = await http.GetAsync("/api/agents");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(api.Server.Requests);
        Assert.StartsWith("Bearer eyJ", seen.Authorization, StringComparison.Ordinal);
        Assert.False(response.RequestMessage!.Options.TryGetValue(ApiRequestOptions.AuthRetried, out _));
    }

    [Fact]
    public async Task Starting_up_contacts_no_one_until_the_first_request()
    {
        await using var api = await AuthenticatedApi.StartAsync();

        api.Harness.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        using var http = api.CreateClient();
        _ = api.Harness.Services.GetRequiredService<IClerkTokenManager>();

        Assert.Equal(0, api.Harness.Emulator.Instance.RequestsReceived);
        Assert.Empty(api.Server.Requests);
    }

    [Fact]
    public async Task A_401_refreshes_the_token_once_and_resends_the_same_request_with_an_identical_body()
    {
        await using var api = await AuthenticatedApi.StartAsync();
        using var http = api.CreateClient();
        (await http.GetAsync("/api/agents")).Dispose();
        api.Harness.Emulator.RotateSigningKey(); // the cached token no longer verifies once the API refetches the JWKS
        api.Server.ExpireJwksCache();

        var payload = Encoding.UTF8.GetBytes("""{"name":"Support bot","voice":"alloy"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/agents")
        {
            // A one-shot stream: resending works only because the handler buffered it.
            Content = new StreamContent(new OneShotStream(payload)) { Headers = { ContentType = new("application/json") } },
        };
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posts = api.Server.Requests.Where(r => r.Method == "POST").ToArray();
        Assert.Equal(2, posts.Length);
        Assert.Equal([401, 200], posts.Select(p => p.Status));
        Assert.Equal(payload, posts[0].Body);
        Assert.Equal(payload, posts[1].Body);
        Assert.NotEqual(posts[0].Authorization, posts[1].Authorization);
        Assert.Equal(2, api.Harness.Emulator.TokensIssued);
        Assert.True(request.Options.TryGetValue(ApiRequestOptions.AuthRetried, out var retried) && retried);
        Assert.Single(api.Harness.LogsWithId(3004));
    }

    [Fact]
    public async Task A_second_401_is_returned_to_the_caller()
    {
        await using var api = await AuthenticatedApi.StartAsync();
        using var http = api.CreateClient();
        api.Server.RejectNext(5);

        using var response = await http.PostAsync("/api/calls", new StringContent("""{"to":"+12015550100"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, api.Server.Requests.Count);
        Assert.Equal(2, api.Harness.Emulator.TokensIssued);
        Assert.Single(api.Harness.LogsWithId(3005));
    }

    [Fact]
    public async Task A_POST_that_got_a_500_is_not_resent()
    {
        await using var api = await AuthenticatedApi.StartAsync();
        using var http = api.CreateClient();
        api.Server.FailNext(1, HttpStatusCode.InternalServerError);

        using var response = await http.PostAsync("/api/calls", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Single(api.Server.Requests);
        Assert.Equal(1, api.Harness.Emulator.TokensIssued);
    }

    [Fact]
    public async Task A_token_the_API_sees_as_expired_is_replaced_and_a_second_rejection_surfaces()
    {
        await using var api = await AuthenticatedApi.StartAsync();
        using var http = api.CreateClient();
        api.Server.ClockOffset = TimeSpan.FromMinutes(5); // the API's clock runs ahead: every token looks expired

        using var response = await http.GetAsync("/api/agents");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.All(api.Server.Requests, r => Assert.Equal("expired", r.Problem));
        Assert.Equal(2, api.Server.Requests.Count);
    }

    [Fact]
    public async Task Concurrent_401s_for_the_same_token_share_one_refresh()
    {
        await using var api = await AuthenticatedApi.StartAsync();
        using var http = api.CreateClient();
        (await http.GetAsync("/api/agents")).Dispose();
        api.Harness.Emulator.RotateSigningKey();
        api.Server.ExpireJwksCache();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => http.GetAsync("/api/agents")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(2, api.Harness.Emulator.TokensIssued);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_Clerk_failure_surfaces_as_an_exception_before_anything_reaches_the_API()
    {
        await using var api = await AuthenticatedApi.StartAsync();
        using var http = api.CreateClient();
        api.Harness.Emulator.InjectFaults(1, 500, "/tokens");

        var failure = await Assert.ThrowsAsync<ClerkApiException>(() => http.GetAsync("/api/agents"));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.Empty(api.Server.Requests);
    }

    [Fact]
    public async Task Legacy_mode_sends_the_API_key_without_contacting_Clerk_and_says_so_once()
    {
        await using var api = await AuthenticatedApi.StartAsync(new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.SecretKey] = null,
            [ClerkConfigurationKeys.LegacyApiKey] = "vk_legacy_0123456789",
        });
        using var http = api.CreateClient();

        using var first = await http.GetAsync("/api/agents");
        using var second = await http.GetAsync("/api/agents");

        Assert.All(api.Server.Requests, r => Assert.Equal("Bearer vk_legacy_0123456789", r.Authorization));
        Assert.Equal(2, api.Server.Requests.Count); // the 401s are not retried: there is nothing to refresh
        Assert.Equal(0, api.Harness.Emulator.Instance.RequestsReceived);
        Assert.Single(api.Harness.LogsWithId(3011));
    }

    [Fact]
    public async Task Inside_the_Verity_API_pipeline_a_recovered_401_is_reported_as_AuthRetried()
    {
        await using var harness = await ClerkAuthHarness.StartAsync(configureServices: (services, configuration) =>
            services.AddDefaultApiClient(configuration, "VERITY").AddClerkAuthentication(configuration));
        await using var server = await ProtectedApiServer.StartAsync(harness.Emulator.JwksUrl, harness.Emulator.SecretKey, harness.EmulatorTime);
        harness.Configuration["VERITY_BASE_URL"] = server.BaseUrl;
        var client = harness.Services.GetRequiredService<IApiClient>();
        var request = new ApiRequest
        {
            Endpoint = new EndpointDescriptor("create_call", "POST", "/api/calls", ReadOnly: false, Idempotent: false, Timeout: null, HasOutputSchema: false, Tags: []),
            Method = HttpMethod.Post,
            RelativeUri = "/api/calls",
            JsonBody = """{"to":"+12015550100"}"""u8.ToArray(),
        };

        var first = await client.SendAsync(request, CancellationToken.None);
        harness.Emulator.RotateSigningKey();
        server.ExpireJwksCache();
        var second = await client.SendAsync(request, CancellationToken.None);

        Assert.Equal((200, false), (first.StatusCode, first.AuthRetried));
        Assert.Equal((200, true), (second.StatusCode, second.AuthRetried));
        Assert.Equal([200, 401, 200], server.Requests.Select(r => r.Status));
        Assert.All(server.Requests, r => Assert.Equal("""{"to":"+12015550100"}""", Encoding.UTF8.GetString(r.Body)));
    }

    [Fact]
    public async Task A_permanent_401_forces_one_renewal_then_backs_off_and_says_the_API_rejects_valid_tokens()
    {
        await using var harness = await ClerkAuthHarness.StartAsync(configureServices: (services, configuration) =>
            services.AddDefaultApiClient(configuration, "VERITY").AddClerkAuthentication(configuration));
        await using var server = await ProtectedApiServer.StartAsync(harness.Emulator.JwksUrl, harness.Emulator.SecretKey, harness.EmulatorTime);
        harness.Configuration["VERITY_BASE_URL"] = server.BaseUrl;
        var client = harness.Services.GetRequiredService<IApiClient>();
        var mapper = harness.Services.GetRequiredService<IToolResultMapper>();
        var endpoint = new EndpointDescriptor("create_call", "POST", "/api/calls", ReadOnly: false, Idempotent: false, Timeout: null, HasOutputSchema: false, Tags: []);
        var request = new ApiRequest { Endpoint = endpoint, Method = HttpMethod.Post, RelativeUri = "/api/calls", JsonBody = "{}"u8.ToArray() };
        server.RejectNext(1000);

        for (var call = 0; call < 4; call++)
        {
            var response = await client.SendAsync(request, CancellationToken.None);
            Assert.Equal((401, true), (response.StatusCode, response.AuthRetried));
            var text = Assert.IsType<ModelContextProtocol.Protocol.TextContentBlock>(Assert.Single(mapper.FromResponse(endpoint, response).Content)).Text;
            Assert.Contains("the API rejects valid tokens", text, StringComparison.Ordinal);
        }

        Assert.Equal(5, server.Requests.Count); // the first call and its one resend, then one send per call
        Assert.Equal(2, harness.Emulator.TokensIssued);
        Assert.Single(harness.LogsWithId(3014));

        // Once the pause is over, a 401 may force one renewal again.
        harness.Advance(ClerkTokenManager.RejectionBackoff + TimeSpan.FromSeconds(1));
        var later = await client.SendAsync(request, CancellationToken.None);

        Assert.Equal(401, later.StatusCode);
        Assert.Equal(7, server.Requests.Count);
        Assert.Equal(4, harness.Emulator.TokensIssued); // the expired token's renewal, then one forced renewal
    }

    /// <summary>A stream that can be read once, front to back, like a network stream.</summary>
    private sealed class OneShotStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();

        public override long Position
        {
            get => base.Position;
            set => throw new NotSupportedException();
        }

        public override long Length => throw new NotSupportedException();
    }
}
