using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk;

/// <summary>Reads and validates Clerk's list query parameters.</summary>
internal static class ClerkQueryParameters
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 500;

    /// <summary>Reads an optional integer in [<paramref name="min"/>, <paramref name="max"/>]; a bad value is a 422.</summary>
    public static ClerkProblem? TryReadInt(IQueryCollection query, string name, int defaultValue, int min, int max, out int value)
    {
        value = defaultValue;
        var raw = query[name];
        if (raw.Count == 0)
        {
            return null;
        }

        if (raw.Count > 1
            || !int.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out value)
            || value < min
            || value > max)
        {
            value = defaultValue;
            return ClerkErrors.FormParamValueInvalid(name, $"{name} must be an integer between {min} and {max}.");
        }

        return null;
    }

    /// <summary>Reads Clerk's <c>paginated</c> flag.</summary>
    public static ClerkProblem? TryReadBool(IQueryCollection query, string name, out bool value)
    {
        value = false;
        var raw = query[name];
        if (raw.Count == 0)
        {
            return null;
        }

        if (raw.Count > 1 || !bool.TryParse(raw[0], out value))
        {
            return ClerkErrors.FormParamValueInvalid(name, $"{name} must be true or false.");
        }

        return null;
    }

    /// <summary>All non-empty values of a repeatable filter.</summary>
    public static IReadOnlyList<string> ReadAll(IQueryCollection query, string name) =>
        [.. query[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];
}
