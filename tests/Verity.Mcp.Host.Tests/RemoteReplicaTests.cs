using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Verity.DevStack.Clerk;
using Verity.DevStack.Clerk.OAuth;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>
/// Two verity-mcp-http processes behind one public URL, as replicas behind a load balancer, answer one client's
/// requests in turn, with one access token: initialize on one, tools/list on the other, tool calls on both; then
/// the C# SDK client, whose handshake is the newer revision's server/discover, the same way. Nothing a request needs
/// is kept on the replica that answered the one before.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RemoteReplicaTests(DevStackFixture fixture)
{
    [Fact]
    public async Task Two_replicas_answer_alternate_requests_of_one_client()
    {
        var stack = fixture.Stack;
        var settings = RemoteSignInTests.RemoteSettings(stack);
        await using var first = await HttpServerProcess.StartAsync(settings);
        await using var second = await HttpServerProcess.StartAsync(settings, _ => first.McpUrl);
        var token = stack.Clerk.IssueOAuthAccessToken(new ClerkOAuthAccessTokenRequest(ClerkEmulatorSeed.CarolUserId) { Audience = first.McpUrl });
        var lastRequestBefore = stack.Api.Requests.Requests.LastOrDefault()?.Sequence ?? 0;

        var balancer = new AlternatingReplicas([first.BaseUrl, second.BaseUrl]);
        using var http = new HttpClient(balancer);

        // As the TypeScript SDK and Cursor speak it (2025-11-25): initialize, initialized, then requests.
        Assert.Contains("\"protocolVersion\"", await PostAsync(http, first.McpUrl, token.Jwt, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"verity-e2e-replicas","version":"1.0"}}}"""), StringComparison.Ordinal);
        await PostAsync(http, first.McpUrl, token.Jwt, """{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        Assert.Contains("\"get_agent\"", await PostAsync(http, first.McpUrl, token.Jwt, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}"""), StringComparison.Ordinal);
        for (var id = 3; id < 5; id++)
        {
            var answer = await PostAsync(http, first.McpUrl, token.Jwt, $$$"""{"jsonrpc":"2.0","id":{{{id}}},"method":"tools/call","params":{"name":"get_agent","arguments":{"agentId":"agt_01"} } }""");
            Assert.Contains("Appointment Reminder", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("\"isError\":true", answer, StringComparison.Ordinal);
        }

        Assert.Contains("\"get_agent\"", await PostAsync(http, first.McpUrl, token.Jwt, """{"jsonrpc":"2.0","id":5,"method":"tools/list"}"""), StringComparison.Ordinal);

        // The C# SDK client through the same balancer.
        await using (var client = await McpClient.CreateAsync(
            new HttpClientTransport(
                new HttpClientTransportOptions
                {
                    Endpoint = new Uri(first.McpUrl),
                    TransportMode = HttpTransportMode.StreamableHttp,

                    // A stateless server sends nothing unasked, so the client opens no GET stream; every request is a POST.
                    EnableStandaloneGetStream = false,
                    AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token.Jwt },
                },
                http),
            new McpClientOptions { ClientInfo = new Implementation { Name = "verity-e2e-replicas", Version = "1.0" } }))
        {
            Assert.Equal(CatalogDocument.Endpoints.Count(), (await client.ListToolsAsync()).Count);
            for (var i = 0; i < 4; i++)
            {
                var result = await client.CallToolAsync("get_agent", new Dictionary<string, object?> { ["agentId"] = "agt_01" });
                Assert.NotEqual(true, result.IsError);
            }

            Assert.NotEqual(true, (await client.CallToolAsync("list_agents", new Dictionary<string, object?> { ["limit"] = 1 })).IsError);
        }

        // Every request went to the replica after the one before, and each replica answered requests of every kind.
        var exchanges = balancer.Exchanges.OrderBy(exchange => exchange.Sequence).ToList();
        Assert.All(exchanges, exchange => Assert.True(exchange.Status is >= 200 and < 300, $"{exchange}"));
        Assert.Equal(exchanges.Select((_, i) => i % 2), exchanges.Select(exchange => exchange.Replica));
        Assert.Equal(
            ["initialize", "notifications/initialized", "tools/list", "tools/call", "tools/call", "tools/list"],
            exchanges.Take(6).Select(exchange => exchange.RpcMethod));
        Assert.Contains(exchanges, exchange => exchange.RpcMethod is "server/discover" or "initialize" && exchange.Sequence >= 6);
        foreach (var method in new[] { "tools/list", "tools/call" })
        {
            Assert.Equal([0, 1], exchanges.Where(e => e.RpcMethod == method).Select(e => e.Replica).Distinct().Order());
        }

        var upstream = stack.Api.Requests.Requests.Where(r => r.Sequence > lastRequestBefore && r.Path.StartsWith("/api/agents", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, upstream.Count);
        Assert.All(upstream, request => Assert.Equal((ClerkEmulatorSeed.CarolUserId, ClerkEmulatorSeed.CarolSessionId, 200), (request.Subject, request.SessionId, request.StatusCode)));
    }

    /// <summary>One JSON-RPC message POSTed as a streamable-HTTP client sends it; fails unless the answer is 2xx.</summary>
    private static async Task<string> PostAsync(HttpClient http, string url, string accessToken, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(message, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (!message.Contains("\"initialize\"", StringComparison.Ordinal))
        {
            request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} for {message}: {body}");
        return body;
    }

    /// <summary>A load balancer in the client's HTTP stack: each request goes to the next replica in turn, and is noted.</summary>
    private sealed class AlternatingReplicas(IReadOnlyList<string> replicas) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _next;

        public ConcurrentQueue<ReplicaExchange> Exchanges { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var sequence = Interlocked.Increment(ref _next) - 1;
            var replica = sequence % replicas.Count;
            request.RequestUri = new Uri(replicas[replica] + request.RequestUri!.PathAndQuery);
            string? rpcMethod = null;
            if (request.Content is not null)
            {
                await request.Content.LoadIntoBufferAsync(cancellationToken);
                using var message = JsonDocument.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
                rpcMethod = message.RootElement.TryGetProperty("method", out var method) ? method.GetString() : null;
            }

            var response = await base.SendAsync(request, cancellationToken);
            Exchanges.Enqueue(new ReplicaExchange(sequence, replica, request.Method.Method, rpcMethod, (int)response.StatusCode));
            return response;
        }
    }

    private sealed record ReplicaExchange(int Sequence, int Replica, string HttpMethod, string? RpcMethod, int Status);
}
