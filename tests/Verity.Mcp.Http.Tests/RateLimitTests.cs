using System.Globalization;
using System.Net;
using System.Text;
using Verity.Mcp.HttpServer.Tests.Infrastructure;

namespace Verity.Mcp.HttpServer.Tests;

/// <summary>Per-caller rate limiting (the client IP in the local mode): over the limit, 429 with Retry-After in seconds.</summary>
[Collection(LocalModeCollection.Name)]
public sealed class RateLimitTests(LocalModeFixture fixture)
{
    [Fact]
    public async Task Requests_over_the_limit_get_429_with_retry_after()
    {
        await using var server = await HttpServerUnderTest.StartAsync(fixture.Settings(("VERITY_HTTP_RATE_LIMIT_PER_MINUTE", "2")));
        using var http = new HttpClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await http.SendAsync(Ping(server));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var retryAfter = int.Parse(Assert.Single(last!.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("VERITY_HTTP_RATE_LIMIT_PER_MINUTE", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The probes are not counted: an orchestrator's checks never eat a user's allowance.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(server.BaseUrl, "/readyz"))).StatusCode);
    }

    private static HttpRequestMessage Ping(HttpServerUnderTest server)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, server.McpUrl)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"ping"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        return request;
    }
}
