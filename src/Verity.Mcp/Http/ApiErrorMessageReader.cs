using System.Text;
using System.Text.Json;

namespace Verity.Mcp.Http;

/// <summary>
/// Finds the API's own explanation in an error body. Understands the common shapes:
/// <c>{"error":{"message"}}</c>, <c>{"error":"…"}</c>, <c>{"message"}</c>, <c>{"errors":[{"message"}]}</c>
/// (Clerk's <c>long_message</c> and <c>code</c> too), <c>{"errors":{"field":["…"]}}</c> and RFC 7807
/// <c>title</c>/<c>detail</c>; a short plain-text body is taken as is.
/// </summary>
internal static class ApiErrorMessageReader
{
    private const int MaxLength = 600;

    /// <summary>The API's message, redacted before it is shortened (a cut must not leave half a secret).</summary>
    public static string? Read(ReadOnlySpan<byte> body, string? contentType, SecretRedactor redactor)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        if (ContentKinds.IsJson(contentType) || body.TrimStart(" \t\r\n"u8) is [(byte)'{' or (byte)'[', ..])
        {
            try
            {
                var reader = new Utf8JsonReader(body);
                using var document = JsonDocument.ParseValue(ref reader);
                var message = FromJson(document.RootElement);
                return message is null ? null : Shorten(redactor.Redact(message));
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException)
            {
                // Not JSON after all (or a string that does not transcode): fall through to text.
            }
        }

        if (ContentKinds.IsText(contentType, body))
        {
            var text = ContentKinds.Decode(body, contentType).Trim();
            // An HTML error page says nothing useful to an assistant.
            return text.Length == 0 || text.StartsWith('<') ? null : Shorten(redactor.Redact(text));
        }

        return null;
    }

    private static string? FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var parts = new List<string>(4);

        if (root.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.String)
            {
                AddText(parts, error);
                AddText(parts, root, "error_description");
            }
            else if (error.ValueKind == JsonValueKind.Object)
            {
                AddMessage(parts, error);
            }
        }

        if (root.TryGetProperty("errors", out var errors))
        {
            if (errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in errors.EnumerateArray().Take(5))
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        AddText(parts, item);
                    }
                    else if (item.ValueKind == JsonValueKind.Object)
                    {
                        AddMessage(parts, item);
                    }
                }
            }
            else if (errors.ValueKind == JsonValueKind.Object)
            {
                // ASP.NET Core validation problem details: { "field": ["message", …] }.
                foreach (var field in errors.EnumerateObject().Take(10))
                {
                    var messages = field.Value.ValueKind == JsonValueKind.Array
                        ? string.Join(" ", field.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()))
                        : field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() : null;
                    if (!string.IsNullOrWhiteSpace(messages))
                    {
                        parts.Add($"{field.Name}: {messages}");
                    }
                }
            }
        }

        if (parts.Count == 0)
        {
            AddMessage(parts, root);
        }

        if (parts.Count == 0)
        {
            // RFC 7807 problem details.
            AddText(parts, root, "title");
            AddText(parts, root, "detail");
        }
        else if (root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
        {
            AddText(parts, detail);
        }

        if (root.TryGetProperty("clerk_trace_id", out var trace) && trace.ValueKind == JsonValueKind.String && parts.Count > 0)
        {
            parts.Add($"(trace id {trace.GetString()})");
        }

        return parts.Count == 0 ? null : string.Join(" ", parts.Distinct(StringComparer.Ordinal));
    }

    /// <summary>One error object: its message (or long message), field and code when present.</summary>
    private static void AddMessage(List<string> parts, JsonElement error)
    {
        var message = StringOf(error, "message") ?? StringOf(error, "title");
        var longMessage = StringOf(error, "long_message") ?? StringOf(error, "detail");
        var field = StringOf(error, "field") ?? StringOf(error, "path") ?? StringOf(error, "param");
        var code = StringOf(error, "code");

        var text = new StringBuilder();
        if (field is not null)
        {
            text.Append(field).Append(": ");
        }

        text.Append(message);
        if (longMessage is not null && !string.Equals(longMessage, message, StringComparison.Ordinal))
        {
            if (message is not null)
            {
                text.Append(" — ");
            }

            text.Append(longMessage);
        }

        if (message is null && longMessage is null)
        {
            return;
        }

        if (code is not null)
        {
            text.Append(" (code ").Append(code).Append(')');
        }

        parts.Add(EndSentence(text.ToString()));
    }

    private static void AddText(List<string> parts, JsonElement element, string property)
    {
        if (StringOf(element, property) is { } text)
        {
            parts.Add(EndSentence(text));
        }
    }

    private static void AddText(List<string> parts, JsonElement value)
    {
        if (value.GetString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text))
        {
            parts.Add(EndSentence(text.Trim()));
        }
    }

    private static string? StringOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    private static string EndSentence(string text) =>
        text.Length > 0 && text[^1] is '.' or '!' or '?' or ')' ? text : text + ".";

    private static string Shorten(string text)
    {
        var oneLine = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return oneLine.Length <= MaxLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxLength), "…");
    }
}
