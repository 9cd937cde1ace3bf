using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verity.Mcp.Http;
using Verity.Mcp.Telemetry;

namespace Verity.Mcp.Tools;

/// <summary>
/// The base of every generated tool: read a client's "no value" for optional arguments (<see cref="ArgumentNormalizer"/>),
/// validate the arguments against the input schema (all problems at once, no request made), bind them to typed values, build the request, send it through its API's <see cref="IApiClient"/> and
/// let <see cref="IToolResultMapper"/> turn the answer (or the failure) into the tool result.
/// </summary>
public abstract class EndpointTool : McpServerTool
{
    private readonly ToolDefinition _definition;
    private readonly JsonElement _inputSchema;
    private readonly JsonElement? _outputSchema;
    private ToolCallChecks? _checks;

    protected EndpointTool(EndpointDescriptor endpoint, ToolDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(definition);
        Endpoint = endpoint;
        if (definition.OutputWrapsResult && definition.OutputSchemaJson is null)
        {
            throw new ArgumentException("Only an output schema can wrap the answer as 'result'.", nameof(definition));
        }

        _definition = definition;
        _inputSchema = ParseSchema(definition.InputSchemaJson);
        _outputSchema = definition.OutputSchemaJson is null ? null : ParseSchema(definition.OutputSchemaJson);
        ProtocolTool = new Tool
        {
            Name = endpoint.ToolName,
            Description = definition.Description,
            InputSchema = _inputSchema,
            OutputSchema = _outputSchema,
            Annotations = new ToolAnnotations
            {
                ReadOnlyHint = definition.Hints.ReadOnly,
                DestructiveHint = definition.Hints.Destructive,
                IdempotentHint = definition.Hints.Idempotent,
                OpenWorldHint = definition.Hints.OpenWorld,
            },
        };
    }

    public EndpointDescriptor Endpoint { get; }

    /// <summary>What this tool's success results must be; given to <see cref="IToolResultMapper.FromResponse"/>.</summary>
    public ToolResultContract ResultContract => Checks.ResultContract;

    public override Tool ProtocolTool { get; }

    public override IReadOnlyList<object> Metadata => [];

    // Made on the first call (tools/list never needs it); two racing first calls may both build it, which is harmless.
    private ToolCallChecks Checks => _checks ??= new ToolCallChecks(Endpoint, _definition, _inputSchema, _outputSchema);

    /// <summary>Turns validated arguments into the request; generated per endpoint.</summary>
    protected abstract ApiRequest BuildRequest(ToolArguments arguments);

    /// <summary>Every problem with the arguments (an optional one sent as a null or "" its schema refuses counts as not given), or an empty list when a request can be built from them.</summary>
    public IReadOnlyList<ArgumentError> ValidateArguments(IReadOnlyDictionary<string, JsonElement>? arguments) =>
        Validate(Checks.Normalizer.Normalize(arguments));

    /// <summary>Validates and binds; throws <see cref="ToolArgumentException"/> listing every problem.</summary>
    public ApiRequest CreateRequest(IReadOnlyDictionary<string, JsonElement>? arguments)
    {
        var normalized = Checks.Normalizer.Normalize(arguments);
        var errors = Validate(normalized);
        if (errors.Count > 0)
        {
            throw new ToolArgumentException(errors);
        }

        try
        {
            return BuildRequest(new ToolArguments(normalized));
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            throw new ToolArgumentException("arguments", "binding", exception.Message);
        }
    }

    private ArgumentErrors Validate(IReadOnlyDictionary<string, JsonElement>? arguments)
    {
        var errors = Checks.Validator.Validate(arguments);
        if (arguments is null)
        {
            return errors;
        }

        foreach (var name in Checks.PathArguments)
        {
            if (arguments.TryGetValue(name, out var value) && UnrepresentableValues.TryGetString(value, out var text)
                && ApiRequestBuilder.CheckSegment(text) is { } problem)
            {
                errors.Add(new(name, "path", problem));
            }
        }

        foreach (var name in _definition.HeaderArguments)
        {
            if (arguments.TryGetValue(name, out var value) && UnrepresentableValues.TryGetString(value, out var text)
                && ApiRequestBuilder.ContainsLineBreak(text))
            {
                errors.Add(new(name, "header", ApiRequestBuilder.HeaderLineBreakMessage));
            }
        }

        return errors;
    }

    public override ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var services = request.Services ?? throw new InvalidOperationException("The MCP request has no service provider.");
        return InvokeAsync(ToArguments(request.Params?.Arguments), services, cancellationToken);
    }

    /// <summary>
    /// Validates, builds and sends the request with the <see cref="IApiClient"/> and <see cref="IToolResultMapper"/>
    /// from <paramref name="services"/>. Bad arguments give a tool error and no request; a failure other than
    /// cancellation goes to <see cref="IToolResultMapper.FromException"/>.
    /// </summary>
    public async ValueTask<CallToolResult> InvokeAsync(
        IReadOnlyDictionary<string, JsonElement>? arguments,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var call = ToolCallActivity.Start(Endpoint.ToolName, services.GetService<McpMetrics>(), services.GetService<TimeProvider>() ?? TimeProvider.System);
        ApiRequest apiRequest;
        try
        {
            apiRequest = CreateRequest(arguments);
        }
        catch (ToolArgumentException exception)
        {
            call.Stop(ToolCallOutcome.InvalidArguments);
            return InvalidArguments(exception.Errors);
        }

        var mapper = services.GetRequiredService<IToolResultMapper>();
        try
        {
            var client = ClientFor(services);
            var response = await client.SendAsync(apiRequest, cancellationToken).ConfigureAwait(false);
            var result = mapper.FromResponse(Endpoint, response, ResultContract);
            call.Stop(ToolCallOutcome.FromResponse(response, result.IsError == true));
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            call.Stop(ToolCallOutcome.Cancelled);
            throw;
        }
        catch (Exception exception)
        {
            call.Stop(ToolCallOutcome.FromException(exception));
            return mapper.FromException(Endpoint, exception);
        }
    }

    /// <summary>
    /// The client registered for this tool's API (keyed by <see cref="EndpointDescriptor.ApiName"/>), else the one
    /// registered for every API; several catalogs in one process so call their own servers.
    /// </summary>
    private IApiClient ClientFor(IServiceProvider services) =>
        (Endpoint.ApiName is { } apiName ? services.GetKeyedService<IApiClient>(apiName) : null)
        ?? services.GetService<IApiClient>()
        ?? throw new InvalidOperationException(Endpoint.ApiName is null
            ? "No API client is registered: call AddDefaultApiClient or AddApiClient when configuring the services."
            : $"No client is registered for the {Endpoint.ApiName} API: call AddApiClient with its catalog when configuring the services.");

    /// <summary>The tool error the assistant sees for bad arguments (see <see cref="InvalidArgumentsResult"/>).</summary>
    public CallToolResult InvalidArguments(IReadOnlyList<ArgumentError> errors) =>
        InvalidArgumentsResult.Create(Endpoint.ToolName, errors);

    public override string ToString() => Endpoint.ToolName;

    private static IReadOnlyDictionary<string, JsonElement>? ToArguments(IDictionary<string, JsonElement>? arguments) =>
        arguments switch
        {
            null => null,
            IReadOnlyDictionary<string, JsonElement> readOnly => readOnly,
            _ => new Dictionary<string, JsonElement>(arguments, StringComparer.Ordinal),
        };

    // One pass into a document the element owns: no pooled buffers to rent and return and no Clone() copy.
    private static JsonElement ParseSchema(string json) => JsonElement.Parse(json);
}
