using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Verity.Mcp.Http;

/// <summary>
/// Removes secrets from text that reaches an assistant or a log from elsewhere (an API's body, an exception
/// message): the configured secret values and the tokens recently sent, by exact value, then anything shaped like
/// a JWT, a Clerk key, or a <c>Bearer</c>/<c>Basic</c> credential in any letter case. Apply it before any
/// truncation; for text already cut, <see cref="RedactCut"/> also removes a secret the cut left half-shown.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Marker = "[redacted]";

    /// <summary>Shorter values would redact ordinary words; no real key or token is this short.</summary>
    internal const int MinSecretLength = 6;

    /// <summary>Enough to cover a token renewed while a request with the previous one was in flight.</summary>
    private const int RememberedTokens = 4;

    private readonly string[] _configured;
    private readonly Lock _gate = new();
    private string[] _tokens = [];
    private string? _lastToken;

    /// <summary>Redacts by shape only: no configured values.</summary>
    public SecretRedactor()
        : this(Array.Empty<string>())
    {
    }

    public SecretRedactor(IOptions<SecretRedactionOptions> options)
        : this(options?.Value.KnownSecrets ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    private SecretRedactor(IEnumerable<string?> secrets) =>
        _configured = [.. secrets
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .SelectMany(s => new[] { s!, s!.Trim() })
            .Where(s => s.Length >= MinSecretLength)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)];

    /// <summary>A redactor that knows <paramref name="secrets"/> (for code that does not use dependency injection).</summary>
    public static SecretRedactor For(params string?[] secrets) => new(secrets);

    /// <summary>
    /// Notes a token just put on a request, so text that echoes it is redacted by exact value. Cheap when the
    /// token is the one noted last (the common case: one cached token serves many requests).
    /// </summary>
    public void RememberToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (ReferenceEquals(Volatile.Read(ref _lastToken), token) || token.Length < MinSecretLength)
        {
            return;
        }

        lock (_gate)
        {
            if (!_tokens.Contains(token, StringComparer.Ordinal))
            {
                _tokens = [token, .. _tokens.Take(RememberedTokens - 1)];
            }

            Volatile.Write(ref _lastToken, token);
        }
    }

    /// <summary>The text with every known secret and every secret-shaped value replaced by <see cref="Marker"/>.</summary>
    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = ReplaceKnown(text, _configured);
        result = ReplaceKnown(result, Volatile.Read(ref _tokens));
        return SecretPattern().Replace(result, static match => ReplaceShaped(match));
    }

    /// <summary>
    /// Like <see cref="Redact"/>, for text whose end was cut (a body read up to a size limit): a known secret, a JWT or
    /// a credential that the cut left only partly shown at the end is removed too.
    /// </summary>
    public string RedactCut(string text)
    {
        var result = Redact(text);
        if (string.IsNullOrEmpty(result))
        {
            return result;
        }

        result = CutShapePattern().Replace(result, Marker);
        foreach (var secret in AllKnown())
        {
            for (var shown = Math.Min(secret.Length - 1, result.Length); shown >= 4; shown--)
            {
                if (result.AsSpan(result.Length - shown).SequenceEqual(secret.AsSpan(0, shown)))
                {
                    return string.Concat(result.AsSpan(0, result.Length - shown), Marker);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Writes <paramref name="element"/> with every property name and string value redacted (escaped text inside
    /// the JSON is compared in its decoded form). Returns whether anything was redacted.
    /// </summary>
    public bool WriteRedacted(JsonElement element, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var changed = false;
        Write(element, writer, ref changed);
        return changed;
    }

    private void Write(JsonElement element, Utf8JsonWriter writer, ref bool changed)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(Checked(property.Name, ref changed));
                    Write(property.Value, writer, ref changed);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer, ref changed);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(Checked(element.GetString()!, ref changed));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private string Checked(string text, ref bool changed)
    {
        var redacted = Redact(text);
        changed |= !ReferenceEquals(redacted, text);
        return redacted;
    }

    private IEnumerable<string> AllKnown() => _configured.Concat(Volatile.Read(ref _tokens));

    private static string ReplaceKnown(string text, string[] secrets)
    {
        foreach (var secret in secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Marker, StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static string ReplaceShaped(Match match)
    {
        var credential = match.Groups["credential"];
        if (!credential.Success)
        {
            return Marker;
        }

        // "Basic information" is prose; "Basic dXNlcjpwYXNz" is a credential.
        return LooksLikeCredential(credential.ValueSpan)
            ? string.Concat(match.Groups["scheme"].ValueSpan, " ", Marker)
            : match.Value;
    }

    private static bool LooksLikeCredential(ReadOnlySpan<char> value)
    {
        value = value.TrimEnd('.');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c) || c is '+' or '/' or '=' or '_' or '~' or '-' or '.' || (i > 0 && char.IsAsciiLetterUpper(c)))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(
        @"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"
        + @"|\b(?:sk|pk|ak|mt)_(?:test|live)_[A-Za-z0-9_-]+"
        + @"|\b(?<scheme>(?i:bearer|basic))\s+(?<credential>[A-Za-z0-9._~+/=-]{8,})",
        RegexOptions.CultureInvariant)]
    private static partial Regex SecretPattern();

    /// <summary>What a cut can leave at the very end: the start of a JWT, or a credential after its scheme.</summary>
    [GeneratedRegex(@"(?:eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)?|\b(?i:bearer|basic)\s+[A-Za-z0-9._~+/=-]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex CutShapePattern();
}
