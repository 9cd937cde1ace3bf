using System.Net;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Api;

public sealed class DevStackHostTests
{
    [Fact]
    public async Task The_stack_runs_both_servers_on_loopback_and_lists_the_settings_a_server_needs()
    {
        await using var stack = await DevStackHost.StartAsync();

        Assert.StartsWith("http://127.0.0.1:", stack.ClerkApiUrl);
        Assert.StartsWith("http://127.0.0.1:", stack.VerityBaseUrl);
        Assert.NotEqual(stack.ClerkApiUrl, stack.VerityBaseUrl);
        Assert.Equal(stack.ClerkApiUrl, stack.ClerkFrontendApiUrl);
        Assert.StartsWith("sk_test_", stack.SecretKey);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["CLERK_API_URL"] = stack.ClerkApiUrl,
                ["CLERK_SECRET_KEY"] = stack.SecretKey,
                ["CLERK_FRONTEND_API_URL"] = stack.ClerkFrontendApiUrl,
                ["VERITY_BASE_URL"] = stack.VerityBaseUrl,
            },
            stack.Settings);

        // The API accepts what the emulator mints, on the system clock too.
        using var http = new HttpClient { BaseAddress = new Uri(stack.VerityBaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/phone-numbers");
        request.Headers.Authorization = new("Bearer", stack.Clerk.IssueToken(ClerkEmulatorSeed.BobRecentSessionId));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ClerkEmulatorSeed.BobUserId, Assert.Single(stack.Api.Requests.Requests).Subject);
    }

    [Fact]
    public async Task Disposing_stops_both_servers_and_may_be_repeated()
    {
        var stack = await DevStackHost.StartAsync();
        var apiUrl = stack.VerityBaseUrl;
        await stack.DisposeAsync();
        await stack.DisposeAsync();

        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(apiUrl + "/api/agents"));
    }

    [Fact]
    public async Task Fixed_ports_and_test_control_are_honoured()
    {
        await using var first = await DevStackHost.StartAsync(new DevStackOptions { EnableTestControl = true });
        var port = new Uri(first.VerityBaseUrl).Port;
        await first.DisposeAsync();

        await using var stack = await DevStackHost.StartAsync(new DevStackOptions { ApiPort = port, EnableTestControl = true });
        Assert.Equal(port, new Uri(stack.VerityBaseUrl).Port);
        using var http = new HttpClient();
        using var requests = await http.GetAsync(stack.VerityBaseUrl + "/__verity/requests");
        Assert.Equal(HttpStatusCode.OK, requests.StatusCode);
        using var emulatorControl = await http.GetAsync(stack.ClerkApiUrl + "/__emulator/state");
        Assert.NotEqual(HttpStatusCode.NotFound, emulatorControl.StatusCode);
    }
}
