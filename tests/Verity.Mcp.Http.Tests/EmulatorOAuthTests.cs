using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Verity.DevStack.Clerk;
using Verity.Mcp.HttpServer.Tests.Infrastructure;

namespace Verity.Mcp.HttpServer.Tests;

/// <summary>
/// The OAuth mode against the Clerk emulator's authorization server: a call acts upstream as the user the token
/// names (a session token minted for that user, never the access token), a user without an active session is told
/// to sign in, and the emulator's deliberately wrong tokens are refused with 401 before anything reaches the API.
/// </summary>
[Collection(EmulatorOAuthCollection.Name)]
public sealed class EmulatorOAuthTests(EmulatorOAuthFixture fixture)
{
    [Theory]
    [InlineData(ClerkEmulatorSeed.AliceEmail, ClerkEmulatorSeed.AliceUserId)]
    [InlineData(ClerkEmulatorSeed.BobEmail, ClerkEmulatorSeed.BobUserId)]
    public async Task A_call_acts_upstream_as_the_signed_in_user(string email, string userId)
    {
        await using var client = await fixture.Server.ConnectAsync(await fixture.TokenAsync(email));
        var before = fixture.Stack.Api.Requests.Requests.Count;

        var result = await client.CallToolAsync("list_agents", new Dictionary<string, object?>());

        Assert.NotEqual(true, result.IsError);
        var upstream = Assert.Single(fixture.Stack.Api.Requests.Requests.Skip(before));
        Assert.Equal(userId, upstream.Subject);
    }

    [Fact]
    public async Task A_user_without_an_active_session_is_told_to_sign_in_to_the_web_app()
    {
        await using var client = await fixture.Server.ConnectAsync(await fixture.TokenAsync(ClerkEmulatorSeed.DaveEmail));
        var before = fixture.Stack.Api.Requests.Requests.Count;

        var result = await client.CallToolAsync("list_agents", new Dictionary<string, object?>());

        Assert.True(result.IsError);
        Assert.Contains(Verity.Common.Server.ApiPipelineRegistration.WebAppName, ToolText(result), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Stack.Api.Requests.Requests.Count);
    }

    [Theory]
    [InlineData("wrong audience")]
    [InlineData("expired")]
    [InlineData("wrong issuer")]
    [InlineData("unknown kid")]
    public async Task An_emulator_token_that_is_wrong_for_this_server_gets_401_and_reaches_no_api(string kind)
    {
        var token = await fixture.TokenAsync(ClerkEmulatorSeed.AliceEmail, request =>
        {
            switch (kind)
            {
                case "wrong audience": request["audience"] = "https://other.example.com/mcp"; break;
                case "expired": request["expires_in_seconds"] = -120; break;
                case "wrong issuer": request["issuer"] = "https://evil.example.com"; break;
                case "unknown kid": request["unknown_kid"] = true; break;
            }
        });
        var before = fixture.Stack.Api.Requests.Requests.Count;
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Server.McpUrl)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_agents","arguments":{}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains($"resource_metadata=\"{fixture.Server.BaseUrl}.well-known/oauth-protected-resource/mcp\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Stack.Api.Requests.Requests.Count);
    }

    [Fact]
    public async Task Readiness_turns_200_once_the_emulators_keys_are_fetched()
    {
        using var http = new HttpClient();
        var ready = await http.GetAsync(new Uri(fixture.Server.BaseUrl, "/readyz"));
        for (var attempt = 0; attempt < 200 && ready.StatusCode != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(50); // the first fetch runs in the background after start
            ready = await http.GetAsync(new Uri(fixture.Server.BaseUrl, "/readyz"));
        }

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private static string ToolText(ModelContextProtocol.Protocol.CallToolResult result) =>
        string.Join("\n", result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(block => block.Text));
}
