using Microsoft.Extensions.Options;

namespace Verity.Mcp.Tools.Dynamic;

/// <summary>
/// Stops the host with one line for a bad <c>VERITY_TOOL_MODE</c> or threshold, or when a catalog tool has the name of
/// one of the dynamic tools (the server could not tell them apart).
/// </summary>
public sealed class ToolModeOptionsValidator(IEnumerable<EndpointToolSet> toolSets) : IValidateOptions<ToolModeOptions>
{
    public ValidateOptionsResult Validate(string? name, ToolModeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.InvalidMode is { } mode)
        {
            return ValidateOptionsResult.Fail($"{ToolModeOptions.ModeKey} is '{mode}'; set it to one of {string.Join(", ", ToolModeOptions.Values)}.");
        }

        if (options.InvalidThreshold is { } threshold)
        {
            return ValidateOptionsResult.Fail($"{ToolModeOptions.ThresholdKey} is '{threshold}'; set it to a whole number of tools above 0, or leave it unset.");
        }

        if (options.Mode != ToolMode.All
            && toolSets.SelectMany(static set => set.Descriptors).FirstOrDefault(static d => DynamicToolNames.IsReserved(d.ToolName)) is { } clash)
        {
            return ValidateOptionsResult.Fail(
                $"The tool '{clash.ToolName}' has the name of a dynamic tool ({string.Join(", ", DynamicToolNames.All)}), which {ToolModeOptions.ModeKey}={options.Mode.ToString().ToLowerInvariant()} would list; " +
                $"rename the endpoint (its tool name in the catalog) or set {ToolModeOptions.ModeKey}=all.");
        }

        return ValidateOptionsResult.Success;
    }
}
