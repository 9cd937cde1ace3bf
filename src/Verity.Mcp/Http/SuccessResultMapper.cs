using System.Buffers;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Http;

/// <summary>
/// Turns a 2xx answer into a result. For a tool with an output schema, a success result always carries
/// <c>structuredContent</c> that validates against that schema (clients such as the TypeScript SDK reject anything
/// else): an answer that cannot give one (empty when the schema wants content, not JSON, not matching, cut with
/// nothing whole to keep) becomes an error that keeps the facts. A cut list keeps its whole leading items.
/// A tool without an output schema gets text only.
/// </summary>
internal static class SuccessResultMapper
{
    private static readonly JsonElement EmptyObject = JsonElement.Parse("{}"u8);

    /// <param name="limitKey">The setting that limits the answer's size (named when an answer is cut).</param>
    public static CallToolResult Map(EndpointDescriptor endpoint, ApiResponse response, ToolResultContract contract, SecretRedactor redactor, string limitKey) =>
        contract.OutputSchema is null ? MapText(endpoint, response, contract, redactor, limitKey) : MapStructured(endpoint, response, contract, redactor, limitKey);

    private static CallToolResult MapText(EndpointDescriptor endpoint, ApiResponse response, ToolResultContract contract, SecretRedactor redactor, string limitKey)
    {
        var body = response.Body.Span;
        if (body.IsEmpty && !response.Truncated)
        {
            return Text(SuccessResultTexts.Done(endpoint, response));
        }

        if (!ContentKinds.IsText(response.ContentType, body))
        {
            return Text(SuccessResultTexts.Binary(response));
        }

        if (response.Truncated)
        {
            // A cut document no longer parses: show the text as far as it goes and say how much is missing.
            return Text(CutText(response, redactor) + "\n" + SuccessResultTexts.CutTextNote(response, contract.Narrowing, limitKey));
        }

        if ((ContentKinds.IsJson(response.ContentType) || LooksLikeJson(body)) && TryReadable(body, redactor, out var readable))
        {
            return Text(readable);
        }

        return Text(redactor.Redact(ContentKinds.Decode(body, response.ContentType)));
    }

    private static CallToolResult MapStructured(EndpointDescriptor endpoint, ApiResponse response, ToolResultContract contract, SecretRedactor redactor, string limitKey)
    {
        var body = response.Body.Span;
        if (body.Trim(" \t\r\n"u8).IsEmpty && !response.Truncated)
        {
            return contract.FirstMismatch(EmptyObject) is { } needed
                ? Error(redactor, SuccessResultTexts.EmptyNotAccepted(endpoint, response, needed))
                : Structured(SuccessResultTexts.Done(endpoint, response), EmptyObject);
        }

        if (!ContentKinds.IsText(response.ContentType, body))
        {
            return Error(redactor, SuccessResultTexts.BinaryNotAccepted(endpoint, response));
        }

        if (response.Truncated)
        {
            return MapCut(endpoint, response, contract, redactor, limitKey);
        }

        if (!TryParse(body, out var answer))
        {
            return Error(redactor, SuccessResultTexts.NotJson(endpoint, response, ContentKinds.Decode(body, response.ContentType)));
        }

        var text = ReadableJson.Write(answer, redactor, out var changed);
        if (changed)
        {
            // The structured content must not carry what the text hides, nor a string the SDK cannot write.
            answer = JsonElement.Parse(text);
        }

        var structured = contract.WrapsResult ? Wrap(answer) : answer;
        return contract.FirstMismatch(structured) is { } mismatch
            ? Error(redactor, SuccessResultTexts.Mismatch(endpoint, response, mismatch, text))
            : Structured(text, structured);
    }

    private static CallToolResult MapCut(EndpointDescriptor endpoint, ApiResponse response, ToolResultContract contract, SecretRedactor redactor, string limitKey)
    {
        var body = response.Body.Span;
        if (CutJsonSalvage.KeepLeadingItems(body) is { } salvage)
        {
            var text = ReadableJson.Write(salvage.Json, redactor, out _);
            var kept = JsonElement.Parse(text);
            var structured = contract.WrapsResult ? Wrap(kept) : kept;
            if (contract.FirstMismatch(structured) is null)
            {
                var result = Structured(text, structured);
                result.Content.Add(new TextContentBlock { Text = SuccessResultTexts.SalvageNote(response, salvage, contract.Narrowing, limitKey) });
                return result;
            }
        }

        return Error(redactor, SuccessResultTexts.TooLarge(endpoint, response, contract.Narrowing, CutText(response, redactor), limitKey));
    }

    /// <summary>Cut JSON made readable as far as it goes, other text as it came; a secret the cut left half-shown is removed too.</summary>
    private static string CutText(ApiResponse response, SecretRedactor redactor)
    {
        var body = response.Body.Span;
        var readable = ContentKinds.IsJson(response.ContentType) || LooksLikeJson(body) ? ReadableJson.WriteCut(body) : null;
        return redactor.RedactCut(readable ?? ContentKinds.Decode(body, response.ContentType));
    }

    /// <summary>{"result": answer}, written token by token (a raw copy would carry comments the answer may hold).</summary>
    private static JsonElement Wrap(JsonElement answer)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName(ToolResultContract.WrappedResultName);
            answer.WriteTo(writer);
            writer.WriteEndObject();
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }

    private static bool TryParse(ReadOnlySpan<byte> json, out JsonElement root)
    {
        try
        {
            root = JsonElement.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return true;
        }
        catch (JsonException)
        {
            root = default;
            return false;
        }
    }

    private static bool TryReadable(ReadOnlySpan<byte> json, SecretRedactor redactor, out string readable)
    {
        try
        {
            readable = ReadableJson.Write(json, redactor, out _);
            return true;
        }
        catch (JsonException)
        {
            readable = string.Empty;
            return false;
        }
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> body) => body.TrimStart(" \t\r\n"u8) is [(byte)'{' or (byte)'[', ..];

    private static CallToolResult Text(string text) => new() { Content = [new TextContentBlock { Text = text }] };

    private static CallToolResult Structured(string text, JsonElement structured) =>
        new() { Content = [new TextContentBlock { Text = text }], StructuredContent = structured };

    private static CallToolResult Error(SecretRedactor redactor, string text) =>
        new() { Content = [new TextContentBlock { Text = redactor.Redact(text) }], IsError = true };
}
