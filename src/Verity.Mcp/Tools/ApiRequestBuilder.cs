using System.ComponentModel;
using System.Text;
using Verity.Mcp.Http;

namespace Verity.Mcp.Tools;

/// <summary>
/// Builds an <see cref="ApiRequest"/> from typed values. Each path value becomes exactly one percent-encoded
/// segment; a value that is or decodes to a separator or a dot segment is refused (<see cref="PathSegmentRules"/>),
/// and so is a segment that several parts of the template join into one, so no value can change which resource is
/// addressed.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiRequestBuilder
{
    private readonly EndpointDescriptor _endpoint;
    private readonly HttpMethod _method;
    private readonly StringBuilder _path = new();
    private readonly StringBuilder _query = new();
    private readonly List<KeyValuePair<string, string>> _headers = [];
    private readonly List<string> _segmentArguments = [];
    private ReadOnlyMemory<byte>? _body;
    private int _segmentStart;
    private int _segmentParts;

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
        var rest = literal.AsSpan();
        for (var slash = rest.IndexOf('/'); slash >= 0; slash = rest.IndexOf('/'))
        {
            AppendToSegment(rest[..slash]);
            EndSegment();
            _path.Append('/');
            _segmentStart = _path.Length;
            rest = rest[(slash + 1)..];
        }

        AppendToSegment(rest);
        return this;
    }

    /// <summary>Appends one path value as a single segment (or as one part of a segment the template composes).</summary>
    public ApiRequestBuilder AppendSegment(string argument, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _path.Append(EncodeSegment(argument, value));
        _segmentArguments.Add(argument);
        _segmentParts++;
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

    public ApiRequest Build()
    {
        EndSegment();
        return new()
        {
            Endpoint = _endpoint,
            Method = _method,
            RelativeUri = _path.ToString() + _query.ToString(),
            Headers = _headers.ToArray(),
            JsonBody = _body,
        };
    }

    private void AppendToSegment(ReadOnlySpan<char> literal)
    {
        if (!literal.IsEmpty)
        {
            _path.Append(literal);
            _segmentParts++;
        }
    }

    /// <summary>
    /// A segment a template composes from several parts (<c>{a}{b}</c>, <c>{a}.</c>) is checked as a whole, as the
    /// server reads it: parts that pass alone can still join into a dot segment once decoded (<c>%2</c> + <c>e.</c>).
    /// </summary>
    private void EndSegment()
    {
        if (_segmentParts > 1 && _segmentArguments.Count > 0)
        {
            var served = Uri.UnescapeDataString(_path.ToString(_segmentStart, _path.Length - _segmentStart));
            if (PathSegmentRules.CheckComposed(served) is { } problem)
            {
                throw new ToolArgumentException(string.Join(" + ", _segmentArguments), "path", problem);
            }
        }

        _segmentArguments.Clear();
        _segmentParts = 0;
    }

    internal const string HeaderLineBreakMessage = "must not contain a carriage return or line feed.";

    /// <summary>The problem with a path value, or null when it can be used as a segment.</summary>
    internal static string? CheckSegment(string value) => PathSegmentRules.Check(value);

    internal static bool ContainsLineBreak(string value) => value.AsSpan().IndexOfAny('\r', '\n') >= 0;

    /// <summary>
    /// RFC 3986 unreserved characters stay, everything else is percent-encoded (UTF-8). A value that is or decodes to
    /// a separator or a dot segment is refused rather than encoded: servers decode <c>%2E</c> before removing dot segments.
    /// </summary>
    internal static string EncodeSegment(string argument, string value)
    {
        var problem = CheckSegment(value);
        return problem is null ? Uri.EscapeDataString(value) : throw new ToolArgumentException(argument, "path", problem);
    }
}
