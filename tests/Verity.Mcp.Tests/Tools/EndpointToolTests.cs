using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verity.Mcp.Http;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Tools;

/// <summary>The tool base class with a hand-written endpoint shaped like generated code, and fakes for the pure seams.</summary>
public sealed class EndpointToolTests
{
    private sealed class GetAgentTool() : EndpointTool(Descriptor, Definition)
    {
        public static readonly EndpointDescriptor Descriptor = new("get_agent", "GET", "/api/agents/{agentId}", true, true, null, false, ["agents"]);

        private static readonly ToolDefinition Definition = new(
            "Get one agent.",
            """{ "type": "object", "properties": { "agentId": { "type": "string", "minLength": 1 }, "X-Trace": { "type": "string" } }, "required": ["agentId"], "additionalProperties": false }""",
            null,
            new ToolHints(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true))
        {
            HeaderArguments = ["X-Trace"],
        };

        protected override ApiRequest BuildRequest(ToolArguments arguments)
        {
            var request = new ApiRequestBuilder(Descriptor)
                .AppendLiteral("/api/agents/")
                .AppendSegment("agentId", ToolJson.ReadString(arguments.GetRequired("agentId")));
            if (arguments.TryGet("X-Trace", out var trace))
            {
                request.AddHeader("X-Trace", ToolJson.ReadString(trace));
            }

            return request.Build();
        }
    }

    private sealed class RecordingClient(Func<ApiRequest, CancellationToken, Task<ApiResponse>> send) : IApiClient
    {
        public List<ApiRequest> Requests { get; } = [];

        public Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request);
            }

            return send(request, cancellationToken);
        }
    }

    private sealed class EchoMapper : IToolResultMapper
    {
        public CallToolResult FromResponse(EndpointDescriptor endpoint, ApiResponse response, ToolResultContract contract) =>
            new() { Content = [new TextContentBlock { Text = $"{endpoint.ToolName} {response.StatusCode}" }] };

        public CallToolResult FromException(EndpointDescriptor endpoint, Exception exception) =>
            new() { IsError = true, Content = [new TextContentBlock { Text = $"{endpoint.ToolName} failed: {exception.GetType().Name}" }] };
    }

    private static (IServiceProvider Services, RecordingClient Client) Services(Func<ApiRequest, CancellationToken, Task<ApiResponse>> send)
    {
        var client = new RecordingClient(send);
        var services = new ServiceCollection()
            .AddSingleton<IApiClient>(client)
            .AddSingleton<IToolResultMapper, EchoMapper>()
            .BuildServiceProvider();
        return (services, client);
    }

    private static Dictionary<string, JsonElement> Args(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    [Fact]
    public async Task Valid_call_sends_the_request_and_maps_the_response()
    {
        var (services, client) = Services((_, _) => Task.FromResult(new ApiResponse { StatusCode = 200 }));

        var result = await new GetAgentTool().InvokeAsync(Args("""{ "agentId": "agt 01" }"""), services, CancellationToken.None);

        Assert.Equal("get_agent 200", Text(result));
        Assert.Equal("/api/agents/agt%2001", Assert.Single(client.Requests).RelativeUri);
    }

    [Fact]
    public void A_definition_that_wraps_the_answer_without_an_output_schema_is_refused_when_the_tool_is_made()
    {
        // The checks a call needs are made on the first call; a catalog mistake must still show when the tool is made.
        var definition = new ToolDefinition("Tags.", """{"type":"object"}""", null, default) { OutputWrapsResult = true };

        var exception = Assert.Throws<ArgumentException>(() => new UncheckedTool(definition));

        Assert.Contains("Only an output schema can wrap the answer as 'result'.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_first_calls_of_a_new_tool_each_get_their_own_verdict()
    {
        var (services, client) = Services((_, _) => Task.FromResult(new ApiResponse { StatusCode = 200 }));
        var tool = new GetAgentTool();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(index => Task.Run(async () =>
            await tool.InvokeAsync(Args(index % 2 == 0 ? """{ "agentId": "agt_01" }""" : """{ "agentId": "" }"""), services, CancellationToken.None))));

        for (var index = 0; index < results.Length; index++)
        {
            if (index % 2 == 0)
            {
                Assert.Equal("get_agent 200", Text(results[index]));
            }
            else
            {
                Assert.True(results[index].IsError);
                Assert.Contains("- agentId (minLength)", Text(results[index]), StringComparison.Ordinal);
            }
        }

        Assert.Equal(8, client.Requests.Count);
    }

    private sealed class UncheckedTool(ToolDefinition definition)
        : EndpointTool(new EndpointDescriptor("tags", "GET", "/api/tags", true, true, null, true, []), definition)
    {
        protected override ApiRequest BuildRequest(ToolArguments arguments) => throw new InvalidOperationException("not called");
    }

    [Fact]
    public async Task Invalid_arguments_give_a_tool_error_and_no_request()
    {
        var (services, client) = Services((_, _) => throw new InvalidOperationException("must not be called"));

        var result = await new GetAgentTool().InvokeAsync(Args("""{ "agentId": "..", "X-Trace": "a\nb", "other": 1 }"""), services, CancellationToken.None);

        Assert.True(result.IsError);
        Assert.Empty(client.Requests);
        var text = Text(result);
        Assert.Contains("'get_agent' (3 problems); no request was sent", text, StringComparison.Ordinal);
        Assert.Contains("- agentId (path): must not be '.' or '..'", text, StringComparison.Ordinal);
        Assert.Contains("- X-Trace (header): must not contain a carriage return or line feed.", text, StringComparison.Ordinal);
        Assert.Contains("- other (additionalProperties)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_other_than_cancellation_go_to_the_mapper()
    {
        var (services, _) = Services((_, _) => throw new ApiTimeoutException(TimeSpan.FromSeconds(30)));

        var result = await new GetAgentTool().InvokeAsync(Args("""{ "agentId": "agt_01" }"""), services, CancellationToken.None);

        Assert.True(result.IsError);
        Assert.Equal("get_agent failed: ApiTimeoutException", Text(result));
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_a_result()
    {
        using var cancellation = new CancellationTokenSource();
        var (services, _) = Services((_, token) =>
        {
            cancellation.Cancel();
            token.ThrowIfCancellationRequested();
            return Task.FromResult(new ApiResponse { StatusCode = 200 });
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await new GetAgentTool().InvokeAsync(Args("""{ "agentId": "agt_01" }"""), services, cancellation.Token));
    }

    [Fact]
    public void Protocol_tool_carries_schema_and_every_hint()
    {
        var tool = new GetAgentTool().ProtocolTool;

        Assert.Equal("get_agent", tool.Name);
        Assert.Equal("Get one agent.", tool.Description);
        Assert.Equal("object", tool.InputSchema.GetProperty("type").GetString());
        Assert.Null(tool.OutputSchema);
        Assert.Equal((true, false, true, true), (tool.Annotations!.ReadOnlyHint, tool.Annotations.DestructiveHint, tool.Annotations.IdempotentHint, tool.Annotations.OpenWorldHint));
    }

    [Theory]
    [InlineData(null, null, "get_agent,create_contact")]
    [InlineData("tag:contacts", null, "create_contact")]
    [InlineData(null, "true", "get_agent")]
    public void Registration_applies_the_run_time_filter(string? tools, string? readOnly, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["VERITY_TOOLS"] = tools, ["VERITY_READ_ONLY"] = readOnly })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        var createContact = new EndpointDescriptor("create_contact", "POST", "/api/contacts", false, false, null, false, ["contacts"]);
        services.AddMcpServer().WithEndpointTools("Verity", [GetAgentTool.Descriptor, createContact], () => [new GetAgentTool(), new NamedTool(createContact)]);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<McpServerOptions>>().Value;

        Assert.Equal(expected, string.Join(",", options.ToolCollection!.Select(t => t.ProtocolTool.Name)));
    }

    [Fact]
    public void Registration_refuses_an_unknown_tool_name_at_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["VERITY_TOOLS"] = "get_agnet" }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddMcpServer().WithEndpointTools("Verity", [GetAgentTool.Descriptor], () => [new GetAgentTool()]);
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ToolFilterOptions>>().Value);
        Assert.Contains("VERITY_TOOLS names 'get_agnet'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/agents/{agentId}/calls/{callId}", new[] { "agentId", "callId" })]
    [InlineData("/api/files/{name}.{ext}", new[] { "name", "ext" })]
    [InlineData("/api/agents", new string[0])]
    public void Path_arguments_are_read_from_the_template(string template, string[] expected) =>
        Assert.Equal(expected, new EndpointDescriptor("t", "GET", template, true, true, null, false, []).PathArguments());

    private sealed class NamedTool(EndpointDescriptor descriptor) : EndpointTool(descriptor, new ToolDefinition("x", """{ "type": "object" }""", null, default))
    {
        protected override ApiRequest BuildRequest(ToolArguments arguments) => new ApiRequestBuilder(Endpoint).AppendLiteral(Endpoint.PathTemplate).Build();
    }
}
