using System.Text.Json;
using Verity.DevStack.Api;
using Verity.Mcp.HttpServer.Tests.Infrastructure;

namespace Verity.Mcp.HttpServer.Tests;

/// <summary>
/// verity-mcp-http as the executable a container runs: a bad setting stops it with exit 2 and one stderr line naming
/// the setting; every stdout line is a JSON log entry; SIGTERM drains the request in flight, then exits 0.
/// </summary>
[Collection(LocalModeCollection.Name)]
public sealed class ProcessTests(LocalModeFixture fixture)
{
    /// <summary>The setting named in the refusal, its bad value, and the other settings of the case (KEY=VALUE;…).</summary>
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "VERITY_HTTP_AUTH", "none", "ASPNETCORE_URLS=http://0.0.0.0:0" },
        { "VERITY_HTTP_AUTH", "none", "ASPNETCORE_URLS=;ASPNETCORE_HTTP_PORTS=8080" },
        { "VERITY_HTTP_AUTH", "sometimes", "" },
        { "VERITY_HTTP_RATE_LIMIT_PER_MINUTE", "lots", "" },
        { "VERITY_HTTP_ALLOWED_ORIGINS", "https://app.example.com/path", "" },
        { "VERITY_HTTP_PUBLIC_URL", "http://mcp.example.com/mcp", "VERITY_HTTP_AUTH=oauth;CLERK_FRONTEND_API_URL=https://clerk.example.com" },
        { "VERITY_HTTP_PUBLIC_URL", "", "VERITY_HTTP_AUTH=oauth;CLERK_FRONTEND_API_URL=https://clerk.example.com" },
        { "CLERK_FRONTEND_API_URL", "", "VERITY_HTTP_AUTH=oauth;VERITY_HTTP_PUBLIC_URL=https://mcp.example.com/mcp" },
        { "VERITY_TOOLS", "no_such_tool", "" },
        { "OTEL_TRACES_EXPORTER", "zipkin", "" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_stops_the_server_with_exit_2_and_one_line_naming_it(string setting, string value, string others)
    {
        var settings = fixture.Settings(("ASPNETCORE_URLS", "http://127.0.0.1:0"));
        foreach (var pair in others.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, text) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            settings[key] = text.Length == 0 ? null : text;
        }

        settings[setting] = value;
        await using var server = ServerProcess.Start(settings);

        Assert.Equal(2, await server.WaitForExitAsync());
        var line = Assert.Single(server.Stderr);
        Assert.StartsWith("verity-mcp-http: ", line, StringComparison.Ordinal);
        Assert.Contains(setting, line, StringComparison.Ordinal);
        Assert.Empty(server.Stdout);
    }

    [Fact]
    public async Task Sigterm_lets_the_call_in_flight_finish_then_exits_0()
    {
        await using var server = ServerProcess.Start(fixture.Settings(("ASPNETCORE_URLS", "http://127.0.0.1:0")));
        var address = await server.ListeningAsync();
        await using var client = await McpClientFor(address);
        fixture.Stack.Api.Faults.Add(ApiFault.Delayed("GET", "/api/agents", TimeSpan.FromSeconds(2)));

        var call = client.CallToolAsync("list_agents", new Dictionary<string, object?>()).AsTask();
        while (fixture.Stack.Api.Faults.PendingCount > 0 && !call.IsCompleted)
        {
            await Task.Delay(20); // until the API holds the request
        }

        server.Signal("TERM");
        var result = await call;

        Assert.NotEqual(true, result.IsError);
        Assert.Equal(0, await server.WaitForExitAsync());
        Assert.Empty(server.Stderr);
        Assert.All(server.Stdout, line => JsonDocument.Parse(line).Dispose());
        Assert.Contains(server.Stdout, line => line.Contains("VERITY_HTTP_AUTH=none", StringComparison.Ordinal) && line.Contains("\"Warning\"", StringComparison.Ordinal));
        Assert.Contains(server.Stdout, line => line.Contains("Application is shutting down", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Stdout, line => line.Contains(fixture.Stack.SecretKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_oauth_mode_publishes_its_metadata_refuses_no_token_and_serves_a_valid_one()
    {
        await using var issuer = await TestJwksServer.StartAsync();
        var port = FreePort.Next();
        var publicUrl = HttpServerUnderTest.PublicUrlFor(port);
        var settings = fixture.Settings(
            ("VERITY_HTTP_AUTH", "oauth"),
            ("ASPNETCORE_URLS", $"http://127.0.0.1:{port}"),
            ("VERITY_HTTP_PUBLIC_URL", publicUrl),
            ("CLERK_FRONTEND_API_URL", issuer.Issuer));
        await using var server = ServerProcess.Start(settings);
        var address = await server.ListeningAsync();
        using var http = new HttpClient { BaseAddress = address };

        var metadata = await http.GetStringAsync(new Uri("/.well-known/oauth-protected-resource/mcp", UriKind.Relative));
        var refused = await http.PostAsync(new Uri("/mcp", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        await using var client = await McpClientFor(address, issuer.Token(publicUrl, "tools:read"));
        var result = await client.CallToolAsync("list_agents", new Dictionary<string, object?>());

        using (var document = JsonDocument.Parse(metadata))
        {
            Assert.Equal(publicUrl, document.RootElement.GetProperty("resource").GetString());
        }

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.NotEqual(true, result.IsError);
    }

    private static Task<ModelContextProtocol.Client.McpClient> McpClientFor(Uri address, string? accessToken = null) =>
        ModelContextProtocol.Client.McpClient.CreateAsync(new ModelContextProtocol.Client.HttpClientTransport(
            new ModelContextProtocol.Client.HttpClientTransportOptions
            {
                Endpoint = new Uri(address, "/mcp"),
                TransportMode = ModelContextProtocol.Client.HttpTransportMode.StreamableHttp,
                AdditionalHeaders = accessToken is null ? null : new Dictionary<string, string> { ["Authorization"] = $"Bearer {accessToken}" },
            }));
}
