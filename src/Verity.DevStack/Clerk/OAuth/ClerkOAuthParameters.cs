using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Verity.DevStack.Clerk.OAuth;

/// <summary>
/// The parameters of an OAuth request (query or form). RFC 6749 §3.1: a parameter sent more than once makes the
/// request invalid, so <see cref="Repeated"/> names the first such one.
/// </summary>
internal sealed class ClerkOAuthParameters(IEnumerable<KeyValuePair<string, StringValues>> values)
{
    private readonly Dictionary<string, StringValues> _values = values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public string? Repeated => _values.FirstOrDefault(p => p.Value.Count > 1).Key;

    /// <summary>The value, or null when absent or empty (RFC 6749 §3.1: an empty parameter counts as omitted).</summary>
    public string? this[string name] =>
        _values.TryGetValue(name, out var value) && value.Count == 1 && !string.IsNullOrEmpty(value[0]) ? value[0] : null;

    public static async Task<ClerkOAuthParameters?> ReadFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        return new ClerkOAuthParameters(form);
    }
}
