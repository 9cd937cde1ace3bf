using System.Globalization;

namespace Verity.DevStack.Api;

/// <summary>Page size and opaque cursor handling shared by the list endpoints.</summary>
internal static class Paging
{
    private const string CursorPrefix = "cur_";

    public static (IReadOnlyList<T> Page, string? NextCursor) Slice<T>(IReadOnlyList<T> items, int limit, int offset)
    {
        var page = items.Skip(offset).Take(limit).ToList();
        var next = offset + page.Count < items.Count ? CursorPrefix + (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return (page, next);
    }

    public static int Limit(HttpRequestQuery query, List<ApiFieldError> errors)
    {
        var text = query.Single("limit");
        if (text is null)
        {
            return 20;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > 100)
        {
            errors.Add(new("limit", "must be a whole number from 1 to 100."));
            return 20;
        }

        return limit;
    }

    public static int Offset(HttpRequestQuery query, List<ApiFieldError> errors)
    {
        var cursor = query.Single("cursor");
        if (cursor is null)
        {
            return 0;
        }

        if (cursor.Length > 200
            || !cursor.StartsWith(CursorPrefix, StringComparison.Ordinal)
            || !int.TryParse(cursor.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            errors.Add(new("cursor", "is not a cursor this API issued: pass the nextCursor of the previous page."));
            return 0;
        }

        return offset;
    }
}
