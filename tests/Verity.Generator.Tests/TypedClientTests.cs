using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Verity.DevStack;
using Verity.DevStack.Clerk;
using Verity.Mcp.Auth;
using Verity.Mcp.Host.Tools;
using Verity.Mcp.Http;
using SampleApiSeed = Verity.DevStack.Api.SampleApiSeed;

namespace Verity.Generator.Tests;

/// <summary>
/// The generated typed client, compiled from the Verity catalog, against the sample API on a loopback server through
/// the production pipeline (AddDefaultApiClient with Clerk session tokens).
/// </summary>
public sealed class TypedClientTests(TypedClientTests.Stack stack) : IClassFixture<TypedClientTests.Stack>
{
    private const string SecretLookingId = "agt_zz9_private_value";

    private readonly VerityApi _api = new(stack.Client, SecretRedactor.For(SecretLookingId));

    public sealed class Stack : IAsyncLifetime
    {
        private ServiceProvider? _services;

        public DevStackHost Host { get; private set; } = null!;

        public IApiClient Client => _services!.GetRequiredService<IApiClient>();

        public async Task InitializeAsync()
        {
            Host = await DevStackHost.StartAsync();
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["VERITY_BASE_URL"] = Host.VerityBaseUrl,
                [ClerkConfigurationKeys.SecretKey] = Host.SecretKey,
                [ClerkConfigurationKeys.ApiUrl] = Host.ClerkApiUrl,
                [ClerkConfigurationKeys.SessionId] = ClerkEmulatorSeed.AliceSessionId,
            }).Build();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddDefaultApiClient(configuration, "VERITY").AddClerkAuthentication(configuration);
            _services = services.BuildServiceProvider();
        }

        public async Task DisposeAsync()
        {
            if (_services is not null)
            {
                await _services.DisposeAsync();
            }

            await Host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_declared_response_comes_back_as_its_generated_record()
    {
        Agent agent = await _api.GetAgentAsync(SampleApiSeed.ActiveAgentId);

        Assert.Equal(SampleApiSeed.ActiveAgentId, agent.Id);
        Assert.Equal(AgentStatus.Active, agent.Status);
        Assert.False(string.IsNullOrEmpty(agent.Name));
    }

    [Fact]
    public async Task A_test_call_comes_back_as_a_Call()
    {
        Call call = await _api.InitiateTestCallAsync(SampleApiSeed.ActiveAgentId, new InitiateTestCallBody { PhoneNumber = "+15550100" });

        Assert.StartsWith("call_", call.Id, StringComparison.Ordinal);
        Assert.Equal(SampleApiSeed.ActiveAgentId, call.AgentId);
        Assert.Equal("+15550100", call.ToNumber);

        Call again = await _api.GetCallAsync(call.Id);
        Assert.Equal(call.Id, again.Id);
        Assert.Equal(call.CreatedAt, again.CreatedAt);
    }

    [Fact]
    public async Task A_non_2xx_answer_throws_ApiCallException_with_its_status_and_redacted_body()
    {
        var exception = await Assert.ThrowsAsync<ApiCallException>(() => _api.GetAgentAsync(SecretLookingId));

        Assert.Equal(404, exception.StatusCode);
        Assert.True(exception.IsStatusFailure);
        Assert.Equal("Not Found", exception.ReasonPhrase);
        Assert.StartsWith("application/", exception.ContentType, StringComparison.Ordinal);
        Assert.Equal("get_agent (GET /api/agents/{agentId})", exception.Endpoint);
        Assert.Contains("get_agent (GET /api/agents/{agentId}) answered 404", exception.Message, StringComparison.Ordinal);
        Assert.Contains("not_found", exception.Content, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Marker, exception.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretLookingId, exception.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_raw_method_returns_the_answer_as_it_came_without_throwing()
    {
        ApiResponse response = await _api.GetAgentRawAsync("agt_missing");

        Assert.Equal(404, response.StatusCode);
        Assert.False(response.IsSuccess);
    }
}
