using System.Collections.Concurrent;
using System.Text.Json;

namespace Verity.Mcp.Tools;

/// <summary>
/// Reads "no value" the way clients send it for an optional argument. Some send JSON null for every optional
/// argument (a strict-mode schema lists every property as required and nullable); some send <c>""</c> for one left
/// unset. When the tool's own schema for an optional top-level argument refuses that null or <c>""</c>, the argument
/// is taken as not given, so the call means what the client meant. A null or <c>""</c> the schema accepts (a nullable
/// field that null clears, a search text that may be empty) is kept and sent; required arguments and every other value
/// are left to <see cref="ArgumentValidator"/> as they are.
/// </summary>
public sealed class ArgumentNormalizer
{
    private static readonly JsonElement Null = JsonElement.Parse("null");
    private static readonly JsonElement EmptyString = JsonElement.Parse("\"\"");

    private readonly ArgumentValidator _validator;
    private readonly HashSet<string> _optional = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, JsonValueKind Kind), bool> _accepts = new();

    /// <param name="inputSchema">The tool's input schema (the catalog's, not a client-shaped copy).</param>
    /// <param name="validator">The validator of that schema: it alone decides which values the schema accepts.</param>
    public ArgumentNormalizer(JsonElement inputSchema, ArgumentValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        _validator = validator;
        if (inputSchema.ValueKind != JsonValueKind.Object
            || !inputSchema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in properties.EnumerateObject())
        {
            _optional.Add(property.Name);
        }

        if (inputSchema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray())
            {
                if (name.ValueKind == JsonValueKind.String)
                {
                    _optional.Remove(name.GetString()!);
                }
            }
        }
    }

    /// <summary>The arguments without the optional ones whose null or <c>""</c> means "not given"; the same instance when there are none.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Normalize(IReadOnlyDictionary<string, JsonElement>? arguments)
    {
        if (arguments is null || _optional.Count == 0)
        {
            return arguments;
        }

        List<string>? unset = null;
        foreach (var (name, value) in arguments)
        {
            if (IsNoValue(value) && _optional.Contains(name) && !Accepts(name, value))
            {
                (unset ??= []).Add(name);
            }
        }

        if (unset is null)
        {
            return arguments;
        }

        var normalized = new Dictionary<string, JsonElement>(arguments, StringComparer.Ordinal);
        foreach (var name in unset)
        {
            normalized.Remove(name);
        }

        return normalized;
    }

    // Read without GetString: a string with a lone surrogate escape would throw here, before the validator reports it.
    private static bool IsNoValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null || (UnrepresentableValues.TryGetString(value, out var text) && text.Length == 0);

    // Decided once per argument and kind by the schema's own validator, so every keyword (type, minLength, pattern,
    // format, enum, $ref, anyOf…) counts exactly as it does when the value is checked.
    private bool Accepts(string name, JsonElement value) =>
        _accepts.GetOrAdd((name, value.ValueKind), static (key, validator) =>
        {
            var probe = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
            {
                [key.Name] = key.Kind == JsonValueKind.Null ? Null : EmptyString,
            };
            return !validator.Validate(probe).Any(error => error.Argument == key.Name);
        }, _validator);
}
