using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Verity.Mcp.Tools;

/// <summary>
/// The arguments of a tool that make its answer smaller, found by name in the input schema: a page size
/// (<c>limit</c>, <c>pageSize</c>…), a position to page from (<c>cursor</c>, <c>offset</c>…), and, for a read-only
/// tool, its other optional arguments, which filter. Named when an answer was larger than the size limit.
/// </summary>
public sealed class NarrowingArguments
{
    private static readonly HashSet<string> SizeNames = new(StringComparer.Ordinal)
    {
        "limit", "pagesize", "perpage", "maxresults", "maxitems", "top", "first", "last", "count", "size", "take",
    };

    private static readonly HashSet<string> PositionNames = new(StringComparer.Ordinal)
    {
        "cursor", "page", "pagetoken", "pagenumber", "offset", "skip", "after", "before", "startingafter", "endingbefore",
        "continuationtoken", "nexttoken", "start",
    };

    private NarrowingArguments(IReadOnlyList<string> size, IReadOnlyList<string> position, IReadOnlyList<string> filters)
    {
        Size = size;
        Position = position;
        Filters = filters;
    }

    public static NarrowingArguments None { get; } = new([], [], []);

    /// <summary>Arguments that set how many items come back (e.g. <c>limit</c>).</summary>
    public IReadOnlyList<string> Size { get; }

    /// <summary>Arguments that say where a page starts (e.g. <c>cursor</c>).</summary>
    public IReadOnlyList<string> Position { get; }

    /// <summary>Optional arguments of a read-only tool that narrow what comes back (e.g. <c>status</c>).</summary>
    public IReadOnlyList<string> Filters { get; }

    public bool IsEmpty => Size.Count == 0 && Position.Count == 0 && Filters.Count == 0;

    /// <summary>Reads the optional arguments of <paramref name="inputSchema"/>; path and header arguments never narrow.</summary>
    public static NarrowingArguments From(JsonElement inputSchema, bool readOnly, IReadOnlyList<string> pathArguments, IReadOnlyList<string> headerArguments)
    {
        ArgumentNullException.ThrowIfNull(pathArguments);
        ArgumentNullException.ThrowIfNull(headerArguments);
        if (inputSchema.ValueKind != JsonValueKind.Object || !inputSchema.TryGetProperty("properties", out var properties)
            || properties.ValueKind != JsonValueKind.Object)
        {
            return None;
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (inputSchema.TryGetProperty("required", out var names) && names.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in names.EnumerateArray())
            {
                if (name.ValueKind == JsonValueKind.String)
                {
                    required.Add(name.GetString()!);
                }
            }
        }

        List<string> size = [], position = [], filters = [];
        foreach (var property in properties.EnumerateObject())
        {
            var name = property.Name;
            if (required.Contains(name) || pathArguments.Contains(name) || headerArguments.Contains(name))
            {
                continue;
            }

            var plain = Plain(name);
            if (SizeNames.Contains(plain))
            {
                size.Add(name);
            }
            else if (PositionNames.Contains(plain))
            {
                position.Add(name);
            }
            else if (readOnly)
            {
                filters.Add(name);
            }
        }

        return new NarrowingArguments(size, position, filters);
    }

    /// <summary>
    /// How to ask for less, e.g. "a smaller `limit` (3 items fit), paging with `cursor`, or narrower filters
    /// (`status`, `from`)"; null when the tool has no such argument.
    /// </summary>
    /// <param name="itemsThatFit">How many items fitted in the limit, when known.</param>
    public string? Describe(int? itemsThatFit = null)
    {
        var parts = new List<string>(3);
        if (Size.Count > 0)
        {
            var fit = itemsThatFit is { } n ? string.Create(CultureInfo.InvariantCulture, $" ({n} {(n == 1 ? "item fits" : "items fit")})") : string.Empty;
            parts.Add($"a smaller {Names(Size, "or")}{fit}");
        }

        if (Position.Count > 0)
        {
            parts.Add($"paging with {Names(Position, "or")}");
        }

        if (Filters.Count > 0)
        {
            parts.Add($"narrower filters ({Names(Filters, "or")})");
        }

        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => string.Join(", ", parts.Take(parts.Count - 1)) + " or " + parts[^1],
        };
    }

    private static string Names(IReadOnlyList<string> names, string conjunction)
    {
        var text = new StringBuilder();
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                text.Append(i == names.Count - 1 ? $" {conjunction} " : ", ");
            }

            text.Append('`').Append(names[i]).Append('`');
        }

        return text.ToString();
    }

    private static string Plain(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }
}
