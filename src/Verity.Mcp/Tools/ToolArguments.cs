using System.ComponentModel;
using System.Text.Json;

namespace Verity.Mcp.Tools;

/// <summary>
/// Read access to a tool call's arguments for generated binding code. Binding runs after schema validation,
/// so a missing required argument here is a bug in the caller, reported as a <see cref="ToolArgumentException"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ToolArguments
{
    private readonly IReadOnlyDictionary<string, JsonElement>? _values;

    public ToolArguments(IReadOnlyDictionary<string, JsonElement>? values) => _values = values;

    /// <summary>True when the argument is present and not JSON null.</summary>
    public bool TryGet(string name, out JsonElement value)
    {
        if (_values is not null && _values.TryGetValue(name, out value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>True when the argument is present, JSON null included (null clears a field in a PATCH).</summary>
    public bool TryGetPresent(string name, out JsonElement value)
    {
        if (_values is not null && _values.TryGetValue(name, out value) && value.ValueKind is not JsonValueKind.Undefined)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The argument's value; JSON null is returned as is for nullable arguments.</summary>
    public JsonElement GetRequired(string name) =>
        TryGetPresent(name, out var value)
            ? value
            : throw new ToolArgumentException(name, "required", "is required.");

    public bool Has(string name) => TryGetPresent(name, out _);
}
