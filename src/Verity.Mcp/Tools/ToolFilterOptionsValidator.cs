using Microsoft.Extensions.Options;

namespace Verity.Mcp.Tools;

/// <summary>Stops the host with one line when the tool filter names something that does not exist.</summary>
public sealed class ToolFilterOptionsValidator(IEnumerable<EndpointToolSet> toolSets) : IValidateOptions<ToolFilterOptions>
{
    public ValidateOptionsResult Validate(string? name, ToolFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.InvalidReadOnlyValue is { } readOnly)
        {
            return ValidateOptionsResult.Fail(
                $"{ToolFilterOptions.ReadOnlyKey} is '{readOnly}'; set it to true or false.");
        }

        var endpoints = toolSets.SelectMany(static set => set.Descriptors).ToArray();
        var unknown = ToolFilter.UnknownEntries(options, endpoints);
        if (unknown.Count > 0)
        {
            return ValidateOptionsResult.Fail(
                $"{ToolFilterOptions.ToolsKey} names {string.Join(", ", unknown.Select(static u => $"'{u}'"))}, which match no tool or tag; " +
                $"use a comma list of tool names or tag:NAME (tools: {string.Join(", ", endpoints.Select(static e => e.ToolName))}).");
        }

        return ValidateOptionsResult.Success;
    }
}
