using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk;

/// <summary>Writes the emulator's JSON answers and Clerk error bodies.</summary>
internal static class ClerkHttpResponses
{
    public static Task WriteJsonAsync<T>(HttpContext context, T value, JsonTypeInfo<T> typeInfo, int statusCode = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(value, typeInfo, "application/json", context.RequestAborted);
    }

    public static Task WriteProblemAsync(HttpContext context, ClerkProblem problem)
    {
        if (problem.RetryAfterSeconds is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        var body = new ClerkErrorsJson(
            [new ClerkErrorJson(problem.Message, problem.LongMessage, problem.Code, problem.ParamName is null ? null : new ClerkErrorMetaJson(problem.ParamName))],
            ClerkIds.NewTraceId());
        return WriteJsonAsync(context, body, ClerkJsonContext.Default.ClerkErrorsJson, problem.StatusCode);
    }
}
