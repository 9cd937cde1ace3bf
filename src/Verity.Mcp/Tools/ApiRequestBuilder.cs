using System.Text;
using Verity.Mcp.Http;

namespace Verity.Mcp.Tools;

/// <summary>
/// Builds an <see cref="ApiRequest"/> from typed values. Each path value becomes exactly one percent-encoded
/// segment, so <c>/</c>, <c>?</c>, <c>#</c> and dot segments in a value cannot change which resource is addressed.
/// </summary>
public sealed class ApiRequestBuilder
{
    private readonly EndpointDescriptor _endpoint;
    private readonly HttpMethod _method;
    private readonly StringBuilder _path = new();
    private readonly StringBuilder _query = new();
    private readonly List<KeyValuePair<string, string>> _headers = [];
    private ReadOnlyMemory<byte>? _body;

    public ApiRequestBuilder(EndpointDescriptor endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
        _method = HttpMethod.Parse(endpoint.Method);
    }

    /// <summary>Appends a literal part of the catalog's path template, as written there.</summary>
    public ApiRequestBuilder AppendLiteral(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        _path.Append(literal);
        return this;
    }

    /// <summary>Appends one path value as a single segment.</summary>
    public ApiRequestBuilder AppendSegment(string argument, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _path.Append(EncodeSegment(argument, value));
        return this;
    }

    public ApiRequestBuilder AddQuery(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        _query.Append(_query.Length == 0 ? '?' : '&')
            .Append(Uri.EscapeDataString(name))
            .Append('=')
            .Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>An array argument becomes the same key repeated: <c>?tag=a&amp;tag=b</c>.</summary>
    public ApiRequestBuilder AddQuery(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            AddQuery(name, value);
        }

        return this;
    }

    public ApiRequestBuilder AddHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (ContainsLineBreak(value))
        {
            throw new ToolArgumentException(name, "header", HeaderLineBreakMessage);
        }

        _headers.Add(new(name, value));
        return this;
    }

    public ApiRequestBuilder SetJsonBody(ReadOnlyMemory<byte> utf8Json)
    {
        _body = utf8Json;
        return this;
    }

    public ApiRequest Build() => new()
    {
        Endpoint = _endpoint,
        Method = _method,
        RelativeUri = _path.ToString() + _query.ToString(),
        Headers = _headers.ToArray(),
        JsonBody = _body,
    };

    internal const string HeaderLineBreakMessage = "must not contain a carriage return or line feed.";

    internal const string EmptySegmentMessage = "must not be empty: it is a path segment.";

    internal const string DotSegmentMessage = "must not be '.' or '..': it is a path segment.";

    /// <summary>The problem with a path value, or null when it can be used as a segment.</summary>
    internal static string? CheckSegment(string value) =>
        value.Length == 0 ? EmptySegmentMessage : value is "." or ".." ? DotSegmentMessage : null;

    internal static bool ContainsLineBreak(string value) => value.AsSpan().IndexOfAny('\r', '\n') >= 0;

    /// <summary>
    /// RFC 3986 unreserved characters stay, everything else is percent-encoded (UTF-8). A whole segment of
    /// <c>.</c> or <c>..</c> is refused rather than encoded: servers decode <c>%2E</c> before removing dot segments.
    /// </summary>
    internal static string EncodeSegment(string argument, string value)
    {
        var problem = CheckSegment(value);
        return problem is null ? Uri.EscapeDataString(value) : throw new ToolArgumentException(argument, "path", problem);
    }
}
