using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Api;

/// <summary>Typed reads of the query string, collecting what is wrong instead of failing on the first problem.</summary>
internal readonly struct HttpRequestQuery(IQueryCollection query)
{
    public string? Single(string name) => query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    /// <summary>Every value of a repeated parameter; a comma-separated value counts as several.</summary>
    public IReadOnlyList<string> Many(string name) =>
        query.TryGetValue(name, out var values)
            ? [.. values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))]
            : [];

    public string? Text(string name, int minLength, int maxLength, List<ApiFieldError> errors)
    {
        var value = Single(name);
        if (value is not null && (value.Length < minLength || value.Length > maxLength))
        {
            errors.Add(new(name, $"must be {minLength} to {maxLength} characters long."));
            return null;
        }

        return value;
    }

    public DateTimeOffset? Instant(string name, List<ApiFieldError> errors)
    {
        var value = Single(name);
        if (value is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var instant))
        {
            errors.Add(new(name, "must be an ISO 8601 date-time, e.g. 2026-11-01T09:00:00Z."));
            return null;
        }

        return instant;
    }
}
