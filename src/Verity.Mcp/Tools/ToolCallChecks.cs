using System.Text.Json;

namespace Verity.Mcp.Tools;

/// <summary>
/// What a tool needs only once it is called: the validator and normalizer of its input schema, its path arguments and
/// its result contract. An <see cref="EndpointTool"/> makes them on its first call, so a server with many tools does
/// not build them all at start for a <c>tools/list</c> that never needs them.
/// </summary>
internal sealed class ToolCallChecks
{
    public ToolCallChecks(EndpointDescriptor endpoint, ToolDefinition definition, JsonElement inputSchema, JsonElement? outputSchema)
    {
        PathArguments = endpoint.PathArguments();
        Validator = new ArgumentValidator(inputSchema);
        Normalizer = new ArgumentNormalizer(inputSchema, Validator);
        ResultContract = new ToolResultContract(
            outputSchema,
            definition.OutputWrapsResult,
            NarrowingArguments.From(inputSchema, endpoint.ReadOnly, PathArguments, definition.HeaderArguments));
    }

    public IReadOnlyList<string> PathArguments { get; }

    public ArgumentValidator Validator { get; }

    public ArgumentNormalizer Normalizer { get; }

    public ToolResultContract ResultContract { get; }
}
