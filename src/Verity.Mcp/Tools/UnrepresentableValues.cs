using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Verity.Mcp.Tools;

/// <summary>
/// Finds the values in a tool call's arguments that no code can use: strings (and property names) that are not valid
/// Unicode text, such as a lone surrogate escape <c>"\ud800"</c>, and numbers beyond the range of a
/// <see cref="double"/>, such as <c>1e400</c>. JSON allows both, but reading the first throws and the second turns
/// into infinity, which a JSON writer refuses; finding them first lets every later step read values safely.
/// </summary>
internal static class UnrepresentableValues
{
    internal const string TextRule = "text";
    internal const string RangeRule = "range";
    internal const string DepthRule = "depth";

    private const int MaxShownNumberLength = 24;

    /// <summary>Reports every unusable value inside <paramref name="value"/>; true when there was none.</summary>
    public static bool Find(JsonElement value, string path, ArgumentErrors errors, int maxDepth)
    {
        var before = errors.Total;
        Visit(value, new(path, -1, default), errors, depth: 0, maxDepth);
        return errors.Total == before;
    }

    /// <summary>The string's text, or false when it is not valid Unicode (already reported by <see cref="Find"/>).</summary>
    public static bool TryGetString(JsonElement value, out string text)
    {
        text = string.Empty;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        // Text without escapes was checked as UTF-8 by the JSON reader; only an escape can spell a lone surrogate.
        if (JsonMarshal.GetRawUtf8Value(value).IndexOf((byte)'\\') < 0)
        {
            text = value.GetString()!;
            return true;
        }

        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // A value's path is built only when it is reported or has members of its own: a 50,000-item array of valid
    // strings is walked without allocating.
    private static void Visit(JsonElement value, Location at, ArgumentErrors errors, int depth, int maxDepth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when !IsReadable(value):
                errors.Add(new(at.Path, TextRule, "is not valid Unicode text: it has an unpaired surrogate escape such as \\ud800; send the text without it."));
                break;
            case JsonValueKind.Number when !value.TryGetDouble(out var number) || !double.IsFinite(number):
                errors.Add(new(at.Path, RangeRule, string.Create(CultureInfo.InvariantCulture,
                    $"is {Shorten(value.GetRawText())}, outside the range of a 64-bit floating-point number (about ±1.8e308); send a smaller number.")));
                break;
            case JsonValueKind.Array or JsonValueKind.Object when depth >= maxDepth:
                errors.Add(new(at.Path, DepthRule, $"is nested deeper than {maxDepth} levels."));
                break;
            case JsonValueKind.Array:
                var arrayPath = at.Path;
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Visit(item, new(arrayPath, index++, default), errors, depth + 1, maxDepth);
                }

                break;
            case JsonValueKind.Object:
                var objectPath = at.Path;
                foreach (var property in value.EnumerateObject())
                {
                    if (HasReadableName(property))
                    {
                        Visit(property.Value, new(objectPath, -1, property), errors, depth + 1, maxDepth);
                    }
                    else
                    {
                        errors.Add(new(objectPath, TextRule, "has a property name that is not valid Unicode text (an unpaired surrogate escape such as \\ud800); rename it."));
                    }
                }

                break;
        }
    }

    private static bool IsReadable(JsonElement text) =>
        JsonMarshal.GetRawUtf8Value(text).IndexOf((byte)'\\') < 0 || TryGetString(text, out _);

    private static bool HasReadableName(JsonProperty property)
    {
        if (JsonMarshal.GetRawUtf8PropertyName(property).IndexOf((byte)'\\') < 0)
        {
            return true;
        }

        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Shorten(string number) =>
        number.Length <= MaxShownNumberLength ? number : string.Concat(number.AsSpan(0, MaxShownNumberLength), "…");

    /// <summary>Where a value is: its container's path and its index or property there (or the whole path, at the top).</summary>
    private readonly record struct Location(string Parent, int Index, JsonProperty Property)
    {
        public string Path =>
            Index >= 0 ? string.Create(CultureInfo.InvariantCulture, $"{Parent}[{Index}]")
            : Property.Value.ValueKind != JsonValueKind.Undefined ? $"{Parent}.{Property.Name}"
            : Parent;
    }
}
