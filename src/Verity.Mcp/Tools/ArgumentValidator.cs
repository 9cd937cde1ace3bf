using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Verity.Mcp.Tools;

/// <summary>
/// Checks a tool call's arguments against the tool's input schema (the catalog's JSON Schema subset) and reports
/// every problem, each by argument path and the schema keyword that failed, before any request is built.
/// </summary>
public sealed class ArgumentValidator
{
    /// <summary>The most argument JSON one call may carry (names and values, in UTF-8); more is refused unread.</summary>
    public const int MaxArgumentBytes = 1024 * 1024;

    private const int MaxDepth = 64;
    // Generous for any sane pattern on a valid value (they take microseconds), small enough that the one match a call
    // may spend it on (see ArgumentErrors.PatternTimedOut) costs little.
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(250);
    private static readonly ConcurrentDictionary<string, (Regex? Regex, string Problem)> Patterns = new(StringComparer.Ordinal);

    private readonly JsonElement _schema;

    public ArgumentValidator(JsonElement inputSchema)
    {
        _schema = inputSchema;
    }

    public ArgumentErrors Validate(IReadOnlyDictionary<string, JsonElement>? arguments)
    {
        var errors = new ArgumentErrors();
        var members = arguments ?? new Dictionary<string, JsonElement>();
        var size = MeasureUtf8Bytes(members);
        if (size > MaxArgumentBytes)
        {
            errors.Add(new("arguments", "size", string.Create(CultureInfo.InvariantCulture,
                $"the arguments are {size:N0} bytes of JSON; at most {MaxArgumentBytes:N0} are accepted. Send less: fewer or shorter values.")));
            return errors;
        }

        // An argument holding a value no code can read is reported once and not checked further.
        HashSet<string>? unreadable = null;
        foreach (var (name, value) in members)
        {
            if (!UnrepresentableValues.Find(value, name, errors, MaxDepth))
            {
                (unreadable ??= new(StringComparer.Ordinal)).Add(name);
            }
        }

        ValidateMembers(_schema, members, prefix: null, errors, depth: 0, unreadable);
        return errors;
    }

    /// <summary>Validates one JSON value against a schema; used for nested values and by tests.</summary>
    public ArgumentErrors ValidateValue(JsonElement value, string path)
    {
        var errors = new ArgumentErrors();
        if (UnrepresentableValues.Find(value, path, errors, MaxDepth))
        {
            ValidateValue(_schema, value, path, errors, depth: 0);
        }

        return errors;
    }

    private void ValidateValue(JsonElement schema, JsonElement value, string path, ArgumentErrors errors, int depth)
    {
        if (depth > MaxDepth)
        {
            errors.Add(new(path, "depth", $"is nested deeper than {MaxDepth} levels."));
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add(new(path, "schema", "is not allowed."));
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String
            && TryResolve(reference.GetString()!, out var target))
        {
            ValidateValue(target, value, path, errors, depth + 1);
        }

        if (schema.TryGetProperty("type", out var type) && !MatchesType(type, value))
        {
            errors.Add(new(path, "type", $"must be {DescribeType(type)}, not {DescribeKind(value)}."));
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && allowed.ValueKind == JsonValueKind.Array
            && !allowed.EnumerateArray().Any(candidate => JsonElement.DeepEquals(candidate, value)))
        {
            errors.Add(new(path, "enum", $"must be one of {string.Join(", ", allowed.EnumerateArray().Select(static v => v.GetRawText()))}."));
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add(new(path, "const", $"must be {constant.GetRawText()}."));
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                ValidateString(schema, value.GetString()!, path, errors);
                break;
            case JsonValueKind.Number:
                ValidateNumber(schema, value, path, errors);
                break;
            case JsonValueKind.Array:
                ValidateArray(schema, value, path, errors, depth);
                break;
            case JsonValueKind.Object:
                ValidateMembers(schema, ToDictionary(value), path, errors, depth);
                break;
        }

        ValidateCombinators(schema, value, path, errors, depth);
    }

    private void ValidateCombinators(JsonElement schema, JsonElement value, string path, ArgumentErrors errors, int depth)
    {
        if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            foreach (var branch in allOf.EnumerateArray())
            {
                ValidateValue(branch, value, path, errors, depth + 1);
            }
        }

        if (schema.TryGetProperty("anyOf", out var anyOf) && anyOf.ValueKind == JsonValueKind.Array
            && CountMatches(anyOf, value, path, errors, depth, stopAt: 1) == 0)
        {
            errors.Add(new(path, "anyOf", $"must match at least one of the {anyOf.GetArrayLength()} allowed shapes."));
        }

        if (schema.TryGetProperty("oneOf", out var oneOf) && oneOf.ValueKind == JsonValueKind.Array)
        {
            var matches = CountMatches(oneOf, value, path, errors, depth, stopAt: 2);
            if (matches != 1)
            {
                errors.Add(new(path, "oneOf", matches == 0
                    ? $"must match one of the {oneOf.GetArrayLength()} allowed shapes."
                    : "matches more than one of the allowed shapes; it must match exactly one."));
            }
        }
    }

    private int CountMatches(JsonElement branches, JsonElement value, string path, ArgumentErrors errors, int depth, int stopAt)
    {
        var matches = 0;
        foreach (var branch in branches.EnumerateArray())
        {
            var branchErrors = errors.ForBranch();
            ValidateValue(branch, value, path, branchErrors, depth + 1);
            if (branchErrors.Total == 0 && ++matches >= stopAt)
            {
                break;
            }
        }

        return matches;
    }

    private void ValidateMembers(
        JsonElement schema, IReadOnlyDictionary<string, JsonElement> members, string? prefix, ArgumentErrors errors, int depth, HashSet<string>? skip = null)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        JsonElement properties = default;
        var hasProperties = schema.TryGetProperty("properties", out properties) && properties.ValueKind == JsonValueKind.Object;

        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray())
            {
                if (name.ValueKind == JsonValueKind.String && !members.ContainsKey(name.GetString()!))
                {
                    errors.Add(new(Join(prefix, name.GetString()!), "required", "is required."));
                }
            }
        }

        schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var (name, member) in members.OrderBy(static pair => pair.Key, StringComparer.Ordinal))
        {
            if (skip is not null && skip.Contains(name))
            {
                continue;
            }

            var memberPath = Join(prefix, name);
            if (hasProperties && properties.TryGetProperty(name, out var memberSchema))
            {
                ValidateValue(memberSchema, member, memberPath, errors, depth + 1);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                errors.Add(new(memberPath, "additionalProperties", hasProperties
                    ? $"is not a known argument; expected one of {string.Join(", ", properties.EnumerateObject().Select(static p => p.Name))}."
                    : "is not allowed."));
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                ValidateValue(additional, member, memberPath, errors, depth + 1);
            }
        }

        if (prefix is not null)
        {
            if (schema.TryGetProperty("minProperties", out var minProperties) && minProperties.TryGetInt32(out var min) && members.Count < min)
            {
                errors.Add(new(prefix, "minProperties", $"must have at least {min} properties."));
            }

            if (schema.TryGetProperty("maxProperties", out var maxProperties) && maxProperties.TryGetInt32(out var max) && members.Count > max)
            {
                errors.Add(new(prefix, "maxProperties", $"must have at most {max} properties."));
            }
        }
    }

    private void ValidateArray(JsonElement schema, JsonElement value, string path, ArgumentErrors errors, int depth)
    {
        // Length first: an array over maxItems is refused for that alone, so a huge one costs nothing more.
        var count = value.GetArrayLength();
        if (schema.TryGetProperty("maxItems", out var maxItems) && maxItems.TryGetInt32(out var max) && count > max)
        {
            errors.Add(new(path, "maxItems", $"must have at most {max} items, not {count}."));
            return;
        }

        if (schema.TryGetProperty("minItems", out var minItems) && minItems.TryGetInt32(out var min) && count < min)
        {
            errors.Add(new(path, "minItems", $"must have at least {min} items, not {count}."));
        }

        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            var firstIndex = new Dictionary<JsonElement, int>(count, JsonValueComparer.Instance);
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (!firstIndex.TryAdd(item, index))
                {
                    errors.Add(new($"{path}[{index}]", "uniqueItems", $"repeats item {firstIndex[item]}; items must be unique."));
                }

                index++;
            }
        }

        if (schema.TryGetProperty("items", out var itemSchema))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                ValidateValue(itemSchema, item, $"{path}[{index++}]", errors, depth + 1);
            }
        }
    }

    private static void ValidateString(JsonElement schema, string text, string path, ArgumentErrors errors)
    {
        var length = CountCodePoints(text);
        if (schema.TryGetProperty("minLength", out var minLength) && minLength.TryGetInt32(out var min) && length < min)
        {
            errors.Add(new(path, "minLength", $"must be at least {min} characters long, not {length}."));
        }

        if (schema.TryGetProperty("maxLength", out var maxLength) && maxLength.TryGetInt32(out var max) && length > max)
        {
            errors.Add(new(path, "maxLength", $"must be at most {max} characters long, not {length}."));
        }

        if (schema.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String)
        {
            CheckPattern(pattern.GetString()!, text, path, errors);
        }

        if (schema.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String)
        {
            var problem = CheckStringFormat(format.GetString()!, text);
            if (problem is not null)
            {
                errors.Add(new(path, "format", problem));
            }
        }
    }

    private static void ValidateNumber(JsonElement schema, JsonElement value, string path, ArgumentErrors errors)
    {
        var number = value.GetDouble();
        CheckBound(schema, "minimum", path, errors, limit => number >= limit, "must be at least");
        CheckBound(schema, "maximum", path, errors, limit => number <= limit, "must be at most");
        CheckBound(schema, "exclusiveMinimum", path, errors, limit => number > limit, "must be greater than");
        CheckBound(schema, "exclusiveMaximum", path, errors, limit => number < limit, "must be less than");

        if (schema.TryGetProperty("multipleOf", out var multipleOf) && multipleOf.ValueKind == JsonValueKind.Number && !IsMultiple(value, multipleOf))
        {
            errors.Add(new(path, "multipleOf", $"must be a multiple of {multipleOf.GetRawText()}."));
        }

        if (schema.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String)
        {
            var ok = format.GetString() switch
            {
                "int32" => value.TryGetInt32(out _) || (number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue),
                "int64" => value.TryGetInt64(out _),
                _ => true,
            };
            if (!ok)
            {
                errors.Add(new(path, "format", $"must fit in {format.GetString()}."));
            }
        }
    }

    private static void CheckBound(JsonElement schema, string keyword, string path, ArgumentErrors errors, Func<double, bool> holds, string words)
    {
        if (schema.TryGetProperty(keyword, out var bound) && bound.ValueKind == JsonValueKind.Number && !holds(bound.GetDouble()))
        {
            errors.Add(new(path, keyword, $"{words} {bound.GetRawText()}."));
        }
    }

    private static bool IsMultiple(JsonElement value, JsonElement multipleOf)
    {
        if (value.TryGetDecimal(out var number) && multipleOf.TryGetDecimal(out var divisor) && divisor != 0)
        {
            return number % divisor == 0;
        }

        var quotient = value.GetDouble() / multipleOf.GetDouble();
        return Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }

    private static string? CheckStringFormat(string format, string text) => format switch
    {
        "date-time" => IsDateTime(text) ? null : "must be an RFC 3339 date-time, e.g. 2026-11-01T09:30:00Z.",
        "date" => DateOnly.TryParseExact(text, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "must be a date, e.g. 2026-11-01.",
        "time" => TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out _) ? null : "must be a time, e.g. 09:30:00.",
        "uuid" => Guid.TryParseExact(text, "D", out _) ? null : "must be a UUID, e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301.",
        "uri" => IsAbsoluteUri(text) ? null : "must be an absolute URI with a scheme, e.g. https://example.com/a.",
        "email" => IsEmail(text) ? null : "must be an e-mail address, e.g. ada@example.com.",
        _ => null,
    };

    private static bool IsDateTime(string text) =>
        text.Length >= 20 && text[4] == '-' && text[7] == '-' && (text[10] is 'T' or 't')
        && (text[^1] is 'Z' or 'z' || text[^6] is '+' or '-')
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    // On Unix "/path" parses as an absolute file URI; a JSON Schema "uri" needs an explicit scheme.
    private static bool IsAbsoluteUri(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && text.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase);

    private static bool IsEmail(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1 && !text.Any(char.IsWhiteSpace);
    }

    /// <summary>
    /// Matches with JavaScript's meaning of the pattern (see <see cref="EcmaScriptPattern"/>). A pattern that cannot be
    /// compiled refuses the value: checking nothing would let anything through. After one match in a call runs out of
    /// time, the call's other pattern checks are reported instead of run, so one call costs at most one time-out.
    /// </summary>
    private static void CheckPattern(string pattern, string text, string path, ArgumentErrors errors)
    {
        var (regex, problem) = Patterns.GetOrAdd(pattern, static source =>
        {
            var compiled = EcmaScriptPattern.TryCreate(source, PatternTimeout, out var reason);
            return (compiled, reason);
        });
        if (regex is null)
        {
            errors.Add(new(path, "pattern", $"cannot be checked: the tool's pattern {pattern} is not a usable ECMA-262 regular expression ({problem}). The tool's catalog must be fixed."));
            return;
        }

        if (errors.PatternTimedOut)
        {
            errors.Add(new(path, "pattern", "was not checked against the pattern: an earlier value in this call took too long; shorten the values."));
            return;
        }

        try
        {
            if (!regex.IsMatch(text))
            {
                errors.Add(new(path, "pattern", $"must match the pattern {pattern}."));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            errors.PatternTimedOut = true;
            errors.Add(new(path, "pattern", "could not be checked against the pattern in time; shorten the value."));
        }
    }

    private bool TryResolve(string reference, out JsonElement target)
    {
        target = default;
        const string prefix = "#/$defs/";
        return reference.StartsWith(prefix, StringComparison.Ordinal)
            && _schema.TryGetProperty("$defs", out var defs)
            && defs.TryGetProperty(reference[prefix.Length..], out target);
    }

    private static bool MatchesType(JsonElement type, JsonElement value)
    {
        if (type.ValueKind == JsonValueKind.String)
        {
            return MatchesType(type.GetString()!, value);
        }

        return type.ValueKind != JsonValueKind.Array
            || type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && MatchesType(t.GetString()!, value));
    }

    private static bool MatchesType(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && IsInteger(value),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static bool IsInteger(JsonElement value) =>
        value.TryGetInt64(out _) || (value.TryGetDouble(out var number) && double.IsFinite(number) && number == Math.Floor(number));

    private static string DescribeType(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array
            ? string.Join(" or ", type.EnumerateArray().Select(static t => Article(t.GetString() ?? "?")))
            : Article(type.GetString() ?? "?");

    private static string Article(string type) => type switch
    {
        "integer" or "array" or "object" => "an " + type,
        "null" => "null",
        _ => "a " + type,
    };

    private static string DescribeKind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => IsInteger(value) ? "an integer" : "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static int CountCodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>The raw size of the arguments, read from the parsed JSON without walking it.</summary>
    private static long MeasureUtf8Bytes(IReadOnlyDictionary<string, JsonElement> members)
    {
        long size = 0;
        foreach (var (name, value) in members)
        {
            size += Encoding.UTF8.GetByteCount(name);
            size += value.ValueKind == JsonValueKind.Undefined ? 0 : JsonMarshal.GetRawUtf8Value(value).Length;
        }

        return size;
    }

    private static Dictionary<string, JsonElement> ToDictionary(JsonElement value)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            members[property.Name] = property.Value;
        }

        return members;
    }

    private static string Join(string? prefix, string name) => prefix is null ? name : $"{prefix}.{name}";
}
