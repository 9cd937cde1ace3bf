using System.Net;
using System.Text;
using Verity.Mcp.HttpServer.Tests.Infrastructure;

namespace Verity.Mcp.HttpServer.Tests;

/// <summary>
/// The Host allow-list and the Origin check run before MCP in every mode: a page on another name re-pointed at this
/// machine (DNS rebinding) is refused with 403; loopback names, allowed origins and requests without Origin pass.
/// </summary>
[Collection(LocalModeCollection.Name)]
public sealed class DnsRebindingTests(LocalModeFixture fixture)
{
    private const string Ping = """{"jsonrpc":"2.0","id":1,"method":"ping"}""";

    [Theory]
    [InlineData("evil.example.com")]
    [InlineData("evil.example.com:80")]
    [InlineData("localhost.evil.example.com")]
    [InlineData("192.168.1.10")]
    public async Task A_host_not_allowed_gets_403(string host)
    {
        var response = await PostAsync(host: host);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("host_not_allowed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://evil.example.com")]
    [InlineData("https://localhost.evil.example.com")]
    [InlineData("null")]
    public async Task An_origin_not_allowed_gets_403(string origin)
    {
        var response = await PostAsync(origin: origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("origin_not_allowed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost", null)]
    [InlineData("127.0.0.1", "http://localhost:6274")]
    [InlineData("[::1]", "http://127.0.0.1:3000")]
    [InlineData("localhost", "https://[::1]")]
    public async Task Loopback_names_and_origins_pass_in_the_local_mode(string host, string? origin)
    {
        var response = await PostAsync(host: host, origin: origin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Configured_hosts_and_origins_are_allowed_too()
    {
        await using var server = await HttpServerUnderTest.StartAsync(fixture.Settings(
            ("VERITY_HTTP_ALLOWED_HOSTS", "mcp.internal.example"),
            ("VERITY_HTTP_ALLOWED_ORIGINS", "https://app.example.com")));

        var allowed = await PostAsync(server, host: "mcp.internal.example", origin: "https://app.example.com");
        var otherOrigin = await PostAsync(server, host: "mcp.internal.example", origin: "https://app.example.com:8443");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherOrigin.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string? host = null, string? origin = null) => PostAsync(fixture.Server, host, origin);

    private static async Task<HttpResponseMessage> PostAsync(HttpServerUnderTest server, string? host = null, string? origin = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.McpUrl)
        {
            Content = new StringContent(Ping, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        return await http.SendAsync(request);
    }
}
