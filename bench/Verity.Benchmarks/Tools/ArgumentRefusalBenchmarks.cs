using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Http;
using Verity.Mcp.Tools;

namespace Verity.Benchmarks.Tools;

/// <summary>
/// Where the time goes when the server refuses <c>search_contacts</c> with a 50,000-item <c>tag</c> array (the catalog
/// allows 10): the MCP SDK reading the JSON-RPC line into its request types (before any tool runs), and the tool
/// refusing the parsed arguments (normalise, size check, unreadable-value scan, schema validation, error result).
/// The tool is the generated one's shape, with the input schema the generator emits for <c>search_contacts</c>.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class ArgumentRefusalBenchmarks
{
    private const string SearchContactsInputSchema = """
        { "type": "object",
          "properties": {
            "q": { "type": "string", "maxLength": 200 },
            "tag": { "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 40 }, "maxItems": 10, "uniqueItems": true },
            "limit": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 },
            "cursor": { "type": "string", "maxLength": 200 } },
          "additionalProperties": false }
        """;

    private byte[] _line = [];
    private Dictionary<string, JsonElement> _arguments = [];
    private SearchContactsTool _tool = null!;
    private ServiceProvider _services = null!;

    [Params(11, 50_000)]
    public int Tags { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var tags = JsonSerializer.Serialize(Enumerable.Range(0, Tags).Select(i => $"tag-{i:00000}").ToArray());
        _line = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"search_contacts","arguments":{"tag":""" + tags + "}}}");
        _arguments = SdkReadsRequest().Arguments!.ToDictionary(StringComparer.Ordinal);
        _tool = new SearchContactsTool();
        _services = new ServiceCollection()
            .AddSingleton<IApiClient, NeverCalled>()
            .AddSingleton<IToolResultMapper, NeverCalled>()
            .BuildServiceProvider();
        if (ToolRefuses().IsError != true)
        {
            throw new InvalidOperationException("search_contacts was not refused.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>What the SDK does with the line before a tool runs: a JSON-RPC message, then its params as the request type.</summary>
    [Benchmark]
    public CallToolRequestParams SdkReadsRequest()
    {
        var message = (JsonRpcRequest)JsonSerializer.Deserialize(_line, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage)))!;
        return (CallToolRequestParams)JsonSerializer.Deserialize(message.Params, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolRequestParams)))!;
    }

    /// <summary>The tool with the parsed arguments: the refusal, as the assistant receives it.</summary>
    [Benchmark]
    public CallToolResult ToolRefuses() =>
        _tool.InvokeAsync(_arguments, _services, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    private sealed class SearchContactsTool() : EndpointTool(Descriptor, Definition)
    {
        private static readonly EndpointDescriptor Descriptor = new("search_contacts", "GET", "/api/contacts", true, true, null, true, ["contacts"]);

        private static readonly ToolDefinition Definition = new("Search contacts.", SearchContactsInputSchema, null, new ToolHints(true, false, true, true));

        protected override ApiRequest BuildRequest(ToolArguments arguments) => throw new InvalidOperationException("Refused arguments are never bound.");
    }

    private sealed class NeverCalled : IApiClient, IToolResultMapper
    {
        public Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException("No request is sent.");

        public CallToolResult FromResponse(EndpointDescriptor endpoint, ApiResponse response, ToolResultContract contract) => throw new InvalidOperationException();

        public CallToolResult FromException(EndpointDescriptor endpoint, Exception exception) => throw new InvalidOperationException();
    }
}
