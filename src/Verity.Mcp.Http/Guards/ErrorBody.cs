using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Verity.Mcp.HttpServer.Guards;

/// <summary>The small JSON body of every refusal: <c>{"error":"…","error_description":"…"}</c>, as OAuth errors read.</summary>
internal static class ErrorBody
{
    public static async Task WriteAsync(HttpResponse response, string error, string description)
    {
        response.ContentType = "application/json";
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("error", error);
            writer.WriteString("error_description", description);
            writer.WriteEndObject();
        }

        await response.Body.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
    }
}
