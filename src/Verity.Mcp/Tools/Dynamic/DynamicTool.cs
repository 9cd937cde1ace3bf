using System.Buffers;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verity.Mcp.Tools.Search;

namespace Verity.Mcp.Tools.Dynamic;

/// <summary>
/// The base of the three dynamic tools: ordinary tools with constant schemas (so client profiles shape them like any
/// other), whose arguments are validated like an endpoint tool's before anything runs.
/// </summary>
public abstract class DynamicTool : McpServerTool
{
    private readonly ArgumentValidator _validator;

    protected DynamicTool(string name, string description, string inputSchemaJson, string? outputSchemaJson)
    {
        var inputSchema = Parse(inputSchemaJson);
        _validator = new ArgumentValidator(inputSchema);
        ProtocolTool = new Tool
        {
            Name = name,
            Description = description,
            InputSchema = inputSchema,
            OutputSchema = outputSchemaJson is null ? null : Parse(outputSchemaJson),
            Annotations = Annotations(),
        };
    }

    public override Tool ProtocolTool { get; }

    public override IReadOnlyList<object> Metadata => [];

    public override async ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var services = request.Services ?? throw new InvalidOperationException("The MCP request has no service provider.");
        var arguments = request.Params?.Arguments is { } given
            ? new Dictionary<string, JsonElement>(given, StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var errors = _validator.Validate(arguments);
        if (errors.Count > 0)
        {
            return InvalidArgumentsResult.Create(ProtocolTool.Name, errors);
        }

        return await InvokeAsync(arguments, Served(services), services, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the tool with arguments its input schema accepts.</summary>
    protected abstract ValueTask<CallToolResult> InvokeAsync(
        IReadOnlyDictionary<string, JsonElement> arguments, ServedEndpoints endpoints, IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>The MCP hints of this tool (every hint written out, as for endpoint tools).</summary>
    protected abstract ToolAnnotations Annotations();

    /// <summary>A success result whose text is the structured content's JSON.</summary>
    protected static CallToolResult Structured(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) }],
            StructuredContent = document.RootElement.Clone(),
        };
    }

    /// <summary>A tool error the assistant can act on.</summary>
    protected static CallToolResult Error(string text) =>
        new() { IsError = true, Content = [new TextContentBlock { Text = text }] };

    /// <summary>The answer for a name that is no served tool: the same for an unknown one and a filtered-out one.</summary>
    protected static CallToolResult UnknownEndpoint(string name) =>
        Error($"No tool named '{name}' is served. Find tools with {DynamicToolNames.Search} and use a name it returns, exactly.");

    protected static string? OptionalString(IReadOnlyDictionary<string, JsonElement> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ServedEndpoints Served(IServiceProvider services) =>
        (ServedEndpoints?)services.GetService(typeof(ServedEndpoints))
        ?? throw new InvalidOperationException("The dynamic tools are not registered: call WithToolMode when configuring the MCP server.");

    private static JsonElement Parse(string json) => JsonElement.Parse(json);
}
