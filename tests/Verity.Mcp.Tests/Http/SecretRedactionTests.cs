using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ModelContextProtocol.Protocol;
using Verity.DevStack.Clerk;
using Verity.Mcp.Auth;
using Verity.Mcp.Http;
using Verity.Mcp.Logging;
using Verity.Mcp.Tools;
using Verity.Mcp.Tests.Auth;

namespace Verity.Mcp.Tests.Http;

/// <summary>
/// The configured keys and the current token never reach a result or a log, whatever text carries them: an error
/// body (redacted before it is shortened), a success body (behind JSON escapes, in the text and the structured
/// content), a body cut in the middle of a token, an exception message, a log line.
/// </summary>
public sealed class SecretRedactionTests
{
    /// <summary>Shaped like no known key, so only its exact value can find it.</summary>
    private const string LegacyKey = "vk_legacy_Q7xZ2mN9pL4sW8";

    [Fact]
    public async Task An_error_body_that_echoes_the_api_key_is_redacted_before_the_message_is_shortened()
    {
        // The key starts just before the 600-character cut of the API's message, so a cut first would keep its start.
        var message = new string('x', 590) + " " + LegacyKey + " was rejected";
        await using var api = await LoopbackApi.StartAsync((context, _) => LoopbackApi.WriteAsync(context, 401, JsonSerializer.Serialize(new { message })));
        await using var pipeline = LegacyPipeline(api.Url);

        var response = await pipeline.SendAsync("GET");
        var text = Text(pipeline.Mapper.FromResponse(Pipeline.Endpoint("GET"), response));

        Assert.Equal($"Bearer {LegacyKey}", Assert.Single(api.Requests).Headers["Authorization"]);
        Assert.Contains("answered 401", text);
        Assert.DoesNotContain(LegacyKey[..6], text);
        Assert.Contains("[red", text);
    }

    [Fact]
    public async Task A_success_body_that_echoes_the_api_key_behind_json_escapes_is_redacted_in_text_and_structured_content()
    {
        var escaped = LegacyKey.Replace("_", "\\u005F", StringComparison.Ordinal);
        await using var api = await LoopbackApi.StartAsync(200, $$"""{"echo":"{{escaped}}","{{escaped}}":1}""");
        await using var pipeline = LegacyPipeline(api.Url);

        var response = await pipeline.SendAsync("GET");
        var result = pipeline.Mapper.FromResponse(Pipeline.Endpoint("GET"), response);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("""{"echo":"[redacted]","[redacted]":1}""", Text(result));
        Assert.Equal("[redacted]", result.StructuredContent!.Value.GetProperty("echo").GetString());
        Assert.DoesNotContain(LegacyKey, result.StructuredContent.Value.GetRawText());
    }

    [Fact]
    public async Task Bearer_and_Basic_credentials_are_redacted_in_any_letter_case_and_prose_is_kept()
    {
        const string Body = "upstream sent authorization: BASIC dXNlcjpzM2NyZXQ= then BEARER Zx81kQ2mYt7 and bearer abc.def.ghi; Basic information is missing";
        await using var api = await LoopbackApi.StartAsync((context, _) => LoopbackApi.WriteAsync(context, 502, Body, "text/plain"));
        await using var pipeline = LegacyPipeline(api.Url);

        var text = Text(pipeline.Mapper.FromResponse(Pipeline.Endpoint("GET"), await pipeline.SendAsync("GET")));

        Assert.DoesNotContain("dXNlcjpzM2NyZXQ=", text);
        Assert.DoesNotContain("Zx81kQ2mYt7", text);
        Assert.DoesNotContain("abc.def.ghi", text);
        Assert.Contains("BASIC [redacted]", text);
        Assert.Contains("BEARER [redacted]", text);
        Assert.Contains("Basic information is missing", text);
    }

    [Fact]
    public async Task An_exception_message_that_carries_a_configured_key_is_redacted()
    {
        await using var pipeline = LegacyPipeline("http://127.0.0.1:9");

        var text = Text(pipeline.Mapper.FromException(Pipeline.Endpoint("GET"), new InvalidOperationException($"The proxy refused key {LegacyKey}.")));

        Assert.DoesNotContain(LegacyKey, text);
        Assert.Contains("[redacted]", text);
    }

    [Fact]
    public async Task A_success_body_cut_in_the_middle_of_the_current_token_shows_none_of_it()
    {
        await using var harness = await ClerkAuthHarness.StartAsync(
            new Dictionary<string, string?>
            {
                [ClerkConfigurationKeys.UserId] = ClerkEmulatorSeed.BobUserId,
                ["VERITY_MAX_RESPONSE_BYTES"] = "1024",
            },
            configureServices: (services, configuration) => services.AddDefaultApiClient(configuration, "VERITY").AddClerkAuthentication(configuration));
        string? token = null;
        await using var api = await LoopbackApi.StartAsync((context, _) =>
        {
            // Echo the token so that the 1024-byte cut lands 8 characters into its payload, before the second dot.
            token = context.Request.Headers.Authorization.ToString()["Bearer ".Length..];
            var filler = new string('a', 1024 - (token.IndexOf('.', StringComparison.Ordinal) + 1 + 8));
            return LoopbackApi.WriteAsync(context, 200, filler + token, "text/plain");
        });
        harness.Configuration["VERITY_BASE_URL"] = api.Url;
        var client = harness.Services.GetRequiredService<IApiClient>();
        var endpoint = Pipeline.Endpoint("GET");

        var response = await client.SendAsync(new ApiRequest { Endpoint = endpoint, Method = HttpMethod.Get, RelativeUri = "/api/things" }, CancellationToken.None);
        var text = Text(harness.Services.GetRequiredService<IToolResultMapper>().FromResponse(endpoint, response));

        Assert.True(response.Truncated);
        Assert.NotNull(token);
        Assert.DoesNotContain(token[..12], text);
        Assert.Contains("[redacted]", text);
    }

    [Fact]
    public void Log_lines_their_state_and_their_exceptions_carry_no_configured_secret_or_token()
    {
        const string ClerkKey = "sk_test_LogRedactionKey0123456789";
        const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2lnbmF0dXJlLWJ5dGVz";
        var collector = new FakeLogCollector();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ClerkConfigurationKeys.SecretKey] = ClerkKey,
            [ClerkConfigurationKeys.LegacyApiKey] = LegacyKey,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(collector)).RedactSecrets());
        services.AddClerkTokenManagement(configuration);
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILogger<SecretRedactionTests>>();

        logger.LogWarning(
            new InvalidOperationException($"Clerk echoed {ClerkKey} and {LegacyKey}"),
            "Upstream said: {Text}",
            $"key {LegacyKey} token {Jwt} auth basic dXNlcjpzM2NyZXQ=");

        var record = Assert.Single(collector.GetSnapshot());
        var texts = new List<string> { record.Message, record.Exception!.ToString(), record.Exception.Message };
        texts.AddRange(record.StructuredState!.Select(pair => pair.Value ?? string.Empty));
        Assert.Contains("Upstream said: key [redacted] token [redacted] auth basic [redacted]", record.Message);
        foreach (var text in texts)
        {
            Assert.DoesNotContain(ClerkKey, text);
            Assert.DoesNotContain(LegacyKey, text);
            Assert.DoesNotContain(Jwt, text);
            Assert.DoesNotContain("dXNlcjpzM2NyZXQ=", text);
        }

        Assert.Contains("InvalidOperationException", record.Exception.ToString());
    }

    /// <summary>The production registration in legacy mode: requests carry <see cref="LegacyKey"/> as their bearer token.</summary>
    private static Pipeline LegacyPipeline(string url) =>
        Pipeline.Create(url, configureClient: builder => builder.AddClerkAuthentication(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ClerkConfigurationKeys.LegacyApiKey] = LegacyKey }).Build()));

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
