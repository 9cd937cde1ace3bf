using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using Verity.DevStack.Clerk;
using Verity.Mcp.Auth;
using Verity.Mcp.Http;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Auth;

/// <summary>
/// Getting a token is Clerk's time, not the API's: it does not eat into a request's own time limit, has a limit of
/// its own (<c>CLERK_TIMEOUT_SECONDS</c>) and, when that runs out, is reported as a Clerk failure with nothing sent.
/// </summary>
public sealed class ClerkTimeTests
{
    private static readonly EndpointDescriptor CreateCall = new("create_call", "POST", "/api/calls", ReadOnly: false, Idempotent: false, Timeout: null, HasOutputSchema: false, Tags: []);

    [Fact]
    public async Task A_Clerk_rate_limit_wait_longer_than_the_API_timeout_is_not_counted_against_it()
    {
        await using var run = await StartAsync(new() { ["VERITY_TIMEOUT_SECONDS"] = "5" });
        run.Harness.Emulator.InjectFaults(1, ClerkFault.Status(429, retryAfterSeconds: 20), "/tokens");

        var sending = run.SendAsync();
        await run.Harness.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(20));
        run.Harness.Advance(TimeSpan.FromSeconds(20));
        var response = await sending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(200, response.StatusCode);
        var post = Assert.Single(run.Server.Requests);
        Assert.Equal((200, "POST"), (post.Status, post.Method));
    }

    [Fact]
    public async Task A_token_Clerk_does_not_deliver_within_its_limit_is_a_Clerk_error_and_nothing_reaches_the_API()
    {
        await using var run = await StartAsync(new()
        {
            [ClerkConfigurationKeys.TimeoutSeconds] = "5",
            ["VERITY_TIMEOUT_SECONDS"] = "30",
        });
        run.Harness.Gate.HoldTokenCalls();
        try
        {
            var sending = run.SendAsync();
            await run.Harness.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(5));
            run.Harness.Advance(TimeSpan.FromSeconds(30));

            var failure = await Assert.ThrowsAsync<ClerkAuthenticationException>(() => sending.WaitAsync(TimeSpan.FromSeconds(30)));
            var text = Text(run.Mapper.FromException(CreateCall, failure));

            Assert.Contains("Clerk", failure.Message);
            Assert.Contains("CLERK_TIMEOUT_SECONDS", failure.Message);
            Assert.Contains("Clerk", text);
            Assert.Contains("was not sent", text);
            Assert.DoesNotContain("may have been carried out", text);
            Assert.DoesNotContain("API did not answer", text);
            Assert.Empty(run.Server.Requests);
        }
        finally
        {
            run.Harness.Gate.ReleaseTokenCalls();
        }
    }

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    private static async Task<Run> StartAsync(Dictionary<string, string?> settings)
    {
        settings[ClerkConfigurationKeys.UserId] = ClerkEmulatorSeed.BobUserId;
        var harness = await ClerkAuthHarness.StartAsync(settings, configureServices: (services, configuration) =>
            services.AddDefaultApiClient(configuration, "VERITY").AddClerkAuthentication(configuration));
        var server = await ProtectedApiServer.StartAsync(harness.Emulator.JwksUrl, harness.Emulator.SecretKey, harness.EmulatorTime);
        harness.Configuration["VERITY_BASE_URL"] = server.BaseUrl;
        return new Run(harness, server);
    }

    private sealed record Run(ClerkAuthHarness Harness, ProtectedApiServer Server) : IAsyncDisposable
    {
        public IToolResultMapper Mapper => Harness.Services.GetRequiredService<IToolResultMapper>();

        public Task<ApiResponse> SendAsync() =>
            Harness.Services.GetRequiredService<IApiClient>().SendAsync(
                new ApiRequest { Endpoint = CreateCall, Method = HttpMethod.Post, RelativeUri = "/api/calls", JsonBody = """{"to":"+12015550100"}"""u8.ToArray() },
                CancellationToken.None);

        public async ValueTask DisposeAsync()
        {
            await Harness.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}
