using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk.OAuth;

/// <summary>Writes the OAuth endpoints' answers: JSON, never cached (RFC 6749 §5.1 asks it of token responses).</summary>
internal static class ClerkOAuthHttpResponses
{
    public static Task WriteJsonAsync<T>(HttpContext context, T value, JsonTypeInfo<T> typeInfo, int statusCode = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = statusCode;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        return context.Response.WriteAsJsonAsync(value, typeInfo, "application/json", context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, ClerkOAuthError error)
    {
        if (error.StatusCode == StatusCodes.Status401Unauthorized && context.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            // RFC 6749 §5.2: a failed Basic authentication is answered with the scheme the client used.
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"oauth\"";
        }

        return WriteJsonAsync(context, new ClerkOAuthErrorJson(error.Error, error.Description), ClerkOAuthJsonContext.Default.ClerkOAuthErrorJson, error.StatusCode);
    }
}
