using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Api;

/// <summary>
/// A request's JSON object body with field-by-field checks that collect every problem, so a 422 can name them all.
/// Bodies are read by hand (no reflection), which also lets the API tell a missing field from an explicit null.
/// </summary>
internal sealed partial class JsonBody : IDisposable
{
    private const int MaxBodyBytes = 64 * 1024;

    private readonly JsonDocument _document;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private JsonBody(JsonDocument document, string fingerprint)
    {
        _document = document;
        Fingerprint = fingerprint;
    }

    public List<ApiFieldError> Errors { get; } = [];

    /// <summary>A hash of the body bytes, to tell a retried request from a different one.</summary>
    public string Fingerprint { get; }

    private JsonElement Root => _document.RootElement;

    public static async Task<JsonBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new SampleApiException(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > MaxBodyBytes)
        {
            throw new SampleApiException(413, "body_too_large", "The body is larger than 64 KB.");
        }

        var bytes = buffer.ToArray();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw SampleApiException.BadRequest("invalid_json", $"The body is not valid JSON ({ex.Message.Split('.')[0]}).");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw SampleApiException.BadRequest("invalid_json", "The body must be a JSON object.");
        }

        return new JsonBody(document, Convert.ToHexString(SHA256.HashData(bytes)));
    }

    public bool Has(string name) => Root.TryGetProperty(name, out _);

    /// <summary>A string field. Returns null when absent, or when null is allowed and given (check <see cref="IsNull"/>).</summary>
    public string? String(string name, bool required, int minLength = 0, int maxLength = int.MaxValue, bool nullable = false, Regex? pattern = null, bool email = false)
    {
        _known.Add(name);
        if (!Root.TryGetProperty(name, out var value))
        {
            if (required)
            {
                Errors.Add(new(name, "is required."));
            }

            return null;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!nullable)
            {
                Errors.Add(new(name, "must not be null."));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Errors.Add(new(name, "must be a string."));
            return null;
        }

        var text = value.GetString()!;
        if (text.Length < minLength || text.Length > maxLength)
        {
            Errors.Add(new(name, maxLength == int.MaxValue ? $"must be at least {minLength} characters long." : $"must be {minLength} to {maxLength} characters long."));
            return null;
        }

        if (pattern is not null && !pattern.IsMatch(text))
        {
            Errors.Add(new(name, pattern == E164() ? "must be an E.164 phone number such as +15550123." : $"must match {pattern}."));
            return null;
        }

        if (email && !Email().IsMatch(text))
        {
            Errors.Add(new(name, "must be an e-mail address such as name@example.com."));
            return null;
        }

        return text;
    }

    public bool IsNull(string name) => Root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Null;

    /// <summary>An array of unique strings, or null when absent.</summary>
    public IReadOnlyList<string>? Tags(string name, int maxItems, int maxLength)
    {
        _known.Add(name);
        if (!Root.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(new(name, "must be an array of strings."));
            return null;
        }

        var tags = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 } tag || tag.Length > maxLength)
            {
                Errors.Add(new(name, $"must hold strings of 1 to {maxLength} characters."));
                return null;
            }

            if (tags.Contains(tag, StringComparer.Ordinal))
            {
                Errors.Add(new(name, $"holds \"{tag}\" twice: tags must be unique."));
                return null;
            }

            tags.Add(tag);
        }

        if (tags.Count > maxItems)
        {
            Errors.Add(new(name, $"must hold at most {maxItems} tags."));
            return null;
        }

        return tags;
    }

    /// <summary>Adds an error for every property the endpoint does not know (the schemas say additionalProperties: false).</summary>
    public void RejectUnknownProperties()
    {
        foreach (var property in Root.EnumerateObject())
        {
            if (!_known.Contains(property.Name))
            {
                Errors.Add(new(property.Name, "is not a known field."));
            }
        }
    }

    public void ThrowIfInvalid()
    {
        if (Errors.Count > 0)
        {
            throw SampleApiException.Invalid(Errors);
        }
    }

    public void Dispose() => _document.Dispose();

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$", RegexOptions.CultureInvariant)]
    public static partial Regex E164();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
