using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk;

/// <summary>Reads an optional JSON object body; anything else is Clerk's 400 <c>request_body_invalid</c>.</summary>
internal static class ClerkRequestBody
{
    private const int MaxBodyBytes = 64 * 1024;

    public sealed record Result(JsonElement? Object, ClerkProblem? Problem);

    public static async Task<Result> ReadObjectAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxBodyBytes)
        {
            return new Result(null, ClerkErrors.RequestBodyInvalid("The request body is too large."));
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return new Result(null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new Result(null, ClerkErrors.RequestBodyInvalid("The request body must be a JSON object."));
            }

            return new Result(document.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return new Result(null, ClerkErrors.RequestBodyInvalid("The request body is not valid JSON. Please consult the API documentation for more information."));
        }
    }
}
