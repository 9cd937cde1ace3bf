using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using Verity.DevStack;
using Verity.DevStack.Api;
using Verity.DevStack.Api.Auth;
using Verity.DevStack.Clerk;
using Verity.Mcp.Auth;
using Verity.Mcp.Http;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Http;

/// <summary>
/// The production registration (AddDefaultApiClient, then AddClerkAuthentication inside it) against the dev stack:
/// the sample API verifies the emulator's session tokens, records what reached it and serves faults.
/// </summary>
public sealed class DevStackPipelineTests(DevStackPipelineTests.Stack stack) : IClassFixture<DevStackPipelineTests.Stack>
{
    private static readonly EndpointDescriptor ListAgents = new("list_agents", "GET", "/api/agents", true, true, null, true, ["agents"]);
    private static readonly EndpointDescriptor StartTestCall = new("initiate_test_call", "POST", "/api/calls/agents/{agentId}/test", false, false, TimeSpan.FromSeconds(60), true, ["calls"]);
    private static readonly EndpointDescriptor HangUp = new("hang_up_call", "POST", "/api/calls/{callId}/hangup", false, true, null, true, ["calls"]);

    // list_agents' page shape, as the generator declares it: results must carry structuredContent that validates.
    private static readonly ToolResultContract AgentPage = new(
        JsonElement.Parse("""{"type":"object","required":["data"],"properties":{"data":{"type":"array","items":{"type":"object","required":["id","name"]}},"nextCursor":{"type":["string","null"]}}}"""),
        wrapsResult: false,
        NarrowingArguments.None);

    private readonly SampleApi _api = stack.Fresh();

    private IApiClient Client => stack.Services.GetRequiredService<IApiClient>();

    private IToolResultMapper Mapper => stack.Services.GetRequiredService<IToolResultMapper>();

    private SampleApi Api => _api;

    /// <summary>
    /// One dev stack for the class; each test gets a fresh pipeline (so no token or back-off carries over) and starts
    /// with no recordings and no faults.
    /// </summary>
    public sealed class Stack : IAsyncLifetime
    {
        private IConfiguration _configuration = null!;

        public DevStackHost Host { get; private set; } = null!;

        public ServiceProvider Services { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await DevStackHost.StartAsync(new DevStackOptions { Clerk = { ReuseSigningKeyMaterial = true } });
            _configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["VERITY_BASE_URL"] = Host.VerityBaseUrl,
                [ClerkConfigurationKeys.SecretKey] = Host.SecretKey,
                [ClerkConfigurationKeys.ApiUrl] = Host.ClerkApiUrl,
                [ClerkConfigurationKeys.SessionId] = ClerkEmulatorSeed.AliceSessionId,
            }).Build();
        }

        public async Task DisposeAsync()
        {
            if (Services is not null)
            {
                await Services.DisposeAsync();
            }

            await Host.DisposeAsync();
        }

        internal SampleApi Fresh()
        {
            Services?.Dispose();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddDefaultApiClient(_configuration, "VERITY").AddClerkAuthentication(_configuration);
            Services = services.BuildServiceProvider();
            Host.Api.Requests.Clear();
            Host.Api.Faults.Clear();
            return Host.Api;
        }
    }

    [Fact]
    public async Task A_tool_call_reaches_the_api_with_a_verified_session_token_and_maps_to_structured_content()
    {
        var result = await CallAsync(ListAgents, HttpMethod.Get, "/api/agents?limit=2");

        Assert.NotEqual(true, result.IsError);
        Assert.Equal(2, result.StructuredContent!.Value.GetProperty("data").GetArrayLength());
        var recorded = Assert.Single(Api.Requests.Requests);
        Assert.Equal(AuthOutcome.Accepted, recorded.AuthOutcome);
        Assert.Equal(ClerkEmulatorSeed.AliceSessionId, recorded.SessionId);
        Assert.Equal("/api/agents?limit=2", recorded.PathAndQuery);
    }

    [Fact]
    public async Task A_GET_that_gets_a_503_is_retried_and_succeeds()
    {
        Api.Faults.Add(ApiFault.Status("GET", "/api/agents", 503, retryAfterSeconds: 0));

        var result = await CallAsync(ListAgents, HttpMethod.Get, "/api/agents");

        Assert.NotEqual(true, result.IsError);
        Assert.Equal([503, 200], Api.Requests.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_test_call_that_gets_a_503_is_sent_once_and_reported_with_a_hint()
    {
        Api.Faults.Add(ApiFault.Status("POST", "/api/calls/agents/agt_01/test", 503, count: 3));

        var result = await CallAsync(StartTestCall, HttpMethod.Post, "/api/calls/agents/agt_01/test", """{"phoneNumber":"+15550100"}""");

        Assert.True(result.IsError);
        var text = Text(result);
        Assert.Contains("503", text);
        Assert.Contains("The Verity API is temporarily unavailable.", text);
        Assert.Single(Api.Requests.Requests);
        Assert.Equal(2, Api.Faults.PendingCount);
    }

    [Fact]
    public async Task Hang_up_is_marked_idempotent_in_the_catalog_so_it_is_retried()
    {
        Api.Faults.Add(ApiFault.Status("POST", "/api/calls/call_0001/hangup", 502, retryAfterSeconds: 0));

        var result = await CallAsync(HangUp, HttpMethod.Post, "/api/calls/call_0001/hangup");

        Assert.NotEqual(true, result.IsError);
        Assert.Equal([502, 200], Api.Requests.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_401_that_survives_the_token_refresh_says_so()
    {
        Api.Faults.Add(ApiFault.Status("GET", "/api/agents", 401, count: 2));

        var result = await CallAsync(ListAgents, HttpMethod.Get, "/api/agents");

        Assert.True(result.IsError);
        Assert.Contains("even after a token refresh", Text(result));
        Assert.Equal(2, Api.Requests.Requests.Count);
    }

    [Fact]
    public async Task A_validation_error_carries_the_apis_message()
    {
        var result = await CallAsync(StartTestCall, HttpMethod.Post, "/api/calls/agents/agt_03/test", """{"phoneNumber":"+15550100"}""");

        Assert.True(result.IsError);
        Assert.Contains("409", Text(result));
        Assert.Contains("Agent agt_03 is paused", Text(result));
    }

    [Fact]
    public async Task No_token_or_secret_appears_in_a_result_or_the_recordings()
    {
        Api.Faults.Add(ApiFault.Status("GET", "/api/agents", 401, count: 2));
        var failed = Text(await CallAsync(ListAgents, HttpMethod.Get, "/api/agents"));
        var succeeded = Text(await CallAsync(ListAgents, HttpMethod.Get, "/api/agents"));
        var recorded = JsonSerializer.Serialize(Api.Requests.Requests.Select(r => r.ToString()));

        foreach (var text in new[] { failed, succeeded, recorded })
        {
            Assert.DoesNotContain(stack.Host.SecretKey, text);
            Assert.DoesNotContain("eyJ", text);
        }
    }

    private async Task<CallToolResult> CallAsync(EndpointDescriptor endpoint, HttpMethod method, string uri, string? json = null)
    {
        try
        {
            var response = await Client.SendAsync(
                new ApiRequest { Endpoint = endpoint, Method = method, RelativeUri = uri, JsonBody = json is null ? null : System.Text.Encoding.UTF8.GetBytes(json) },
                CancellationToken.None);
            return Mapper.FromResponse(endpoint, response, endpoint == ListAgents ? AgentPage : ToolResultContract.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Mapper.FromException(endpoint, ex);
        }
    }

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
