using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Api;

/// <summary>Writes JSON answers with the source-generated metadata.</summary>
internal static class Responses
{
    public static Task JsonAsync<T>(HttpContext context, T value, JsonTypeInfo<T> typeInfo, int statusCode = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(value, typeInfo, contentType: "application/json; charset=utf-8", context.RequestAborted);
    }

    public static Task ErrorAsync(HttpContext context, int statusCode, string code, string message, IReadOnlyList<ApiFieldError>? details = null) =>
        JsonAsync(context, new ApiErrorBody(new ApiError(code, message, details)), SampleApiJsonContext.Default.ApiErrorBody, statusCode);

    public static string Route(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;
}
