using System.ComponentModel;
using System.Globalization;

namespace Verity.Mcp.Tools;

/// <summary>How typed values are written into paths, queries and headers: invariant culture, ISO 8601 instants.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiValueFormatter
{
    public static string Format(string value) => value;

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(bool value) => value ? "true" : "false";

    public static string Format(Guid value) => value.ToString("D");

    /// <summary>UTC in RFC 3339 form, e.g. <c>2026-11-01T09:30:00Z</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
