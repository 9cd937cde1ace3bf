using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Verity.Mcp.Telemetry;
using Verity.Mcp.HttpServer.Tests.Infrastructure;

namespace Verity.Mcp.HttpServer.Tests;

/// <summary>
/// The OAuth resource server: Protected Resource Metadata, 401 with <c>resource_metadata</c> for a missing or bad
/// token (and no upstream request for it), 403 <c>insufficient_scope</c> for a tool the token's scopes do not cover,
/// and a valid token's call reaching the API.
/// </summary>
[Collection(OAuthModeCollection.Name)]
public sealed class OAuthTests(OAuthModeFixture fixture)
{
    private const string ListAgents = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_agents","arguments":{}}}""";
    private const string CreateContact = """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"create_contact","arguments":{"name":"Scope Test","phoneNumber":"+15555550142"}}}""";

    private string ResourceMetadataUrl => fixture.Server.BaseUrl + ".well-known/oauth-protected-resource/mcp";

    [Theory]
    [InlineData("/.well-known/oauth-protected-resource/mcp")]
    [InlineData("/.well-known/oauth-protected-resource")]
    public async Task Publishes_protected_resource_metadata(string path)
    {
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(fixture.Server.BaseUrl, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var metadata = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(fixture.PublicUrl, metadata["resource"]!.GetValue<string>());
        Assert.Equal([fixture.Issuer.Issuer.TrimEnd('/')], metadata["authorization_servers"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["tools:read", "tools:write"], metadata["scopes_supported"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task The_host_check_comes_first_for_the_metadata_and_the_endpoint_alike()
    {
        using var http = new HttpClient();
        using var metadata = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Server.BaseUrl, "/.well-known/oauth-protected-resource/mcp"));
        metadata.Headers.Host = "evil.example.com";
        using var endpoint = new HttpRequestMessage(HttpMethod.Post, fixture.Server.McpUrl) { Content = new StringContent(ListAgents, Encoding.UTF8, "application/json") };
        endpoint.Headers.Host = "localhost"; // a loopback name is allowed only in the local mode
        endpoint.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Token());

        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(metadata)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(endpoint)).StatusCode);
    }

    [Fact]
    public async Task A_request_without_a_token_gets_401_naming_the_metadata_and_reaches_no_api()
    {
        var before = fixture.Stack.Api.Requests.Requests.Count;

        var response = await PostAsync(ListAgents, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal($"Bearer resource_metadata=\"{ResourceMetadataUrl}\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal(before, fixture.Stack.Api.Requests.Requests.Count);
    }

    public static TheoryData<string> BadTokens => new() { "wrong audience", "expired", "wrong issuer", "unknown kid", "forged signature", "not yet valid", "no subject", "not a jwt", "none algorithm" };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_gets_401_invalid_token_and_reaches_no_api(string kind)
    {
        var before = fixture.Stack.Api.Requests.Requests.Count;

        var response = await PostAsync(ListAgents, BadToken(kind));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains($"resource_metadata=\"{ResourceMetadataUrl}\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Stack.Api.Requests.Requests.Count);
    }

    [Fact]
    public async Task A_read_only_token_calling_a_write_tool_gets_403_insufficient_scope()
    {
        var before = fixture.Stack.Api.Requests.Requests.Count;

        var response = await PostAsync(CreateContact, fixture.Token("tools:read"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal($"error=\"insufficient_scope\", scope=\"tools:write\", resource_metadata=\"{ResourceMetadataUrl}\"", challenge.Parameter);
        Assert.Equal(before, fixture.Stack.Api.Requests.Requests.Count);
    }

    [Fact]
    public async Task A_token_with_neither_scope_may_not_call_a_read_only_tool()
    {
        var response = await PostAsync(ListAgents, fixture.Token("profile email"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("scope=\"tools:read\"", Assert.Single(response.Headers.WwwAuthenticate).Parameter, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tools:read")]
    [InlineData("tools:write")]
    public async Task A_read_only_tool_takes_either_scope(string scope)
    {
        await using var client = await fixture.Server.ConnectAsync(fixture.Token(scope));

        var result = await client.CallToolAsync("list_agents", new Dictionary<string, object?>());

        Assert.NotEqual(true, result.IsError);
    }

    [Fact]
    public async Task A_valid_token_lists_tools_and_calls_a_write_tool()
    {
        await using var client = await fixture.Server.ConnectAsync(fixture.Token("tools:write"));

        var tools = await client.ListToolsAsync();
        var result = await client.CallToolAsync("create_contact", new Dictionary<string, object?> { ["name"] = "OAuth Test", ["phoneNumber"] = "+15555550143" });

        Assert.Contains(tools, tool => tool.Name == "create_contact");
        Assert.NotEqual(true, result.IsError);
        Assert.Contains(fixture.Stack.Api.Requests.Requests, request => request.Method == "POST" && request.Path == "/api/contacts");
    }

    [Fact]
    public async Task The_sdk_client_sees_a_refused_token_as_an_error()
    {
        await Assert.ThrowsAnyAsync<Exception>(async () => await fixture.Server.ConnectAsync(BadToken("expired")));
    }

    [Theory]
    [InlineData("create_contact", "tools:write")]
    [InlineData("CREATE_CONTACT", "tools:write")]
    [InlineData("no_such_endpoint", "tools:write")]
    [InlineData("list_agents", null)]
    public async Task In_the_dynamic_mode_call_api_endpoint_needs_the_scope_of_the_endpoint_it_names(string endpoint, string? missingScope)
    {
        var port = FreePort.Next();
        await using var server = await HttpServerUnderTest.StartAsync(fixture.Settings(port, ("VERITY_TOOL_MODE", "dynamic")), port);
        var token = fixture.Issuer.Token(HttpServerUnderTest.PublicUrlFor(port), "tools:read");
        var before = fixture.Stack.Api.Requests.Requests.Count;

        var call = """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"call_api_endpoint","arguments":{"name":"ENDPOINT","arguments":{}}}}""";
        var response = await PostAsync(server, call.Replace("ENDPOINT", endpoint, StringComparison.Ordinal), token);

        if (missingScope is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains($"scope=\"{missingScope}\"", Assert.Single(response.Headers.WwwAuthenticate).Parameter, StringComparison.Ordinal);
            Assert.Equal(before, fixture.Stack.Api.Requests.Requests.Count);
        }
    }

    [Fact]
    public async Task A_write_tool_spelt_in_other_case_still_needs_the_write_scope()
    {
        var response = await PostAsync(CreateContact.Replace("create_contact", "Create_Contact", StringComparison.Ordinal), fixture.Token("tools:read"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Refusals_are_counted_by_reason_with_nothing_from_the_token()
    {
        using var rejected = new MetricCollector<long>(
            fixture.Server.Services.GetRequiredService<IMeterFactory>(), McpTelemetry.Name, McpMetrics.RejectedIncomingTokensName);

        await PostAsync(ListAgents, token: null);
        await PostAsync(ListAgents, BadToken("expired"));
        await PostAsync(ListAgents, BadToken("wrong audience"));
        await PostAsync(CreateContact, fixture.Token("tools:read"));

        Assert.Equal(
            ["missing", "expired", "audience", "insufficient_scope"],
            rejected.GetMeasurementSnapshot().Select(m => (string)m.Tags["verity.mcp.rejection.reason"]!));
    }

    [Fact]
    public async Task Readiness_is_503_while_the_signing_keys_cannot_be_fetched()
    {
        var port = FreePort.Next();
        var settings = fixture.Settings(port, ("CLERK_FRONTEND_API_URL", $"http://127.0.0.1:{FreePort.Next()}"));
        await using var server = await HttpServerUnderTest.StartAsync(settings, port);
        using var http = new HttpClient();

        var ready = await http.GetAsync(new Uri(server.BaseUrl, "/readyz"));
        var health = await http.GetAsync(new Uri(server.BaseUrl, "/healthz"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("JWKS", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private string BadToken(string kind)
    {
        var issuer = fixture.Issuer;
        var audience = fixture.PublicUrl;
        const string scope = "tools:read tools:write";
        var hourAgo = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds();
        return kind switch
        {
            "wrong audience" => issuer.Token("https://other.example.com/mcp", scope),
            "expired" => issuer.Token(audience, scope, claims: c => { c["iat"] = hourAgo - 60; c["nbf"] = hourAgo - 60; c["exp"] = hourAgo; }),
            "wrong issuer" => issuer.Token(audience, scope, claims: c => c["iss"] = "https://clerk.other.example.com"),
            "unknown kid" => issuer.Token(audience, scope, kid: "kid_nobody_published"),
            "forged signature" => issuer.Token(audience, scope, key: TestJwksServer.SigningKey.Create() with { Kid = issuer.CurrentKey.Kid }),
            "not yet valid" => issuer.Token(audience, scope, claims: c => c["nbf"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()),
            "no subject" => issuer.Token(audience, scope, claims: c => c.Remove("sub")),
            "not a jwt" => "not-a-jwt",
            "none algorithm" => UnsignedToken(audience),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private string UnsignedToken(string audience)
    {
        var signed = fixture.Issuer.Token(audience, "tools:write").Split('.');
        var header = System.Buffers.Text.Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8);
        return $"{header}.{signed[1]}.";
    }

    private Task<HttpResponseMessage> PostAsync(string body, string? token) => PostAsync(fixture.Server, body, token);

    private static async Task<HttpResponseMessage> PostAsync(HttpServerUnderTest server, string body, string? token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.McpUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }
}
