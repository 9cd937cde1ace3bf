namespace Verity.Mcp.Tools;

/// <summary>
/// What a value may not be when it becomes one path segment. Encoding alone keeps a value in its segment for a server
/// that decodes once, but proxies and frameworks decode again, map <c>\</c> to <c>/</c>, or resolve <c>..</c> after
/// decoding; so a value that is, or decodes (up to <see cref="DecodingRounds"/> times) to, a separator or a dot segment
/// is refused rather than sent.
/// </summary>
internal static class PathSegmentRules
{
    /// <summary>A server plus two layers in front of it that each percent-decode once more.</summary>
    public const int DecodingRounds = 3;

    public const string EmptyMessage = "must not be empty: it is a path segment.";

    public const string SeparatorMessage = "must not contain '/' or '\\', nor decode to them (e.g. %2F, %5C): it is one path segment.";

    public const string DotSegmentMessage = "must not be '.' or '..', nor decode to them (e.g. %2e%2e): it is a path segment.";

    /// <summary>The problem with one value used as a whole segment, or null.</summary>
    public static string? Check(string value) =>
        value.Length == 0 ? EmptyMessage : FindProblem(value) switch
        {
            Problem.Separator => SeparatorMessage,
            Problem.DotSegment => DotSegmentMessage,
            _ => null,
        };

    /// <summary>
    /// The problem with a segment several template parts make together, given as the server reads it (decoded once),
    /// or null.
    /// </summary>
    public static string? CheckComposed(string served) => FindProblem(served) switch
    {
        Problem.Separator => $"together with the rest of their path segment make '{served}', which contains or decodes to '/' or '\\'; change them.",
        Problem.DotSegment => $"together with the rest of their path segment make '{served}', which is or decodes to the dot segment '.' or '..'; change them.",
        _ => null,
    };

    private static Problem FindProblem(string text)
    {
        for (var round = 0; ; round++)
        {
            if (text.AsSpan().IndexOfAny('/', '\\') >= 0)
            {
                return Problem.Separator;
            }

            if (IsDotSegment(text))
            {
                return Problem.DotSegment;
            }

            var decoded = round < DecodingRounds ? Uri.UnescapeDataString(text) : text;
            if (decoded == text)
            {
                return Problem.None;
            }

            text = decoded;
        }
    }

    // Servlet containers drop ";parameters" from a segment before resolving dot segments, so "..;x" is ".." to them.
    private static bool IsDotSegment(string text)
    {
        var end = text.IndexOf(';', StringComparison.Ordinal);
        var core = end < 0 ? text.AsSpan() : text.AsSpan(0, end);
        return core is "." or "..";
    }

    private enum Problem
    {
        None,
        Separator,
        DotSegment,
    }
}
