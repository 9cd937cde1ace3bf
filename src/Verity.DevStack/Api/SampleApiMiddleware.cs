using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Verity.DevStack.Api.Auth;

namespace Verity.DevStack.Api;

/// <summary>
/// What happens to every <c>/api</c> request before its handler: it is recorded, may get an injected fault, must
/// carry a valid Clerk session token, and any handler error becomes the API's JSON error body.
/// </summary>
internal sealed class SampleApiMiddleware(SampleApi api)
{
    private const int MaxRecordedBodyBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var receivedAt = api.Options.TimeProvider.GetUtcNow();
        var sequence = api.Requests.NextSequence();
        var body = await ReadBodyForRecordAsync(context.Request).ConfigureAwait(false);
        var check = new TokenCheck(AuthOutcome.NotChecked);
        var faulted = false;
        try
        {
            var fault = api.Faults.Take(context.Request.Method, context.Request.Path.Value ?? "/");
            if (fault is not null)
            {
                faulted = true;
                if (fault.Delay is { } delay)
                {
                    await Task.Delay(delay, api.Options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
                }

                if (fault.StatusCode is { } status)
                {
                    await WriteFaultAsync(context, status, fault.RetryAfterSeconds).ConfigureAwait(false);
                    return;
                }
            }

            check = await api.Verifier.VerifyAsync(context.Request.Headers.Authorization, context.RequestAborted).ConfigureAwait(false);
            if (!check.IsValid)
            {
                context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{check.Outcome}\"";
                await Responses.ErrorAsync(context, StatusCodes.Status401Unauthorized, "unauthorized", check.Reason ?? "Unauthorized.").ConfigureAwait(false);
                return;
            }

            try
            {
                await next(context).ConfigureAwait(false);
                if (context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted)
                {
                    await Responses.ErrorAsync(context, 404, "route_not_found", $"There is no {context.Request.Method} {context.Request.Path} in the Verity API.").ConfigureAwait(false);
                }
                else if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !context.Response.HasStarted)
                {
                    await Responses.ErrorAsync(context, 405, "method_not_allowed", $"{context.Request.Method} is not allowed on {context.Request.Path}.").ConfigureAwait(false);
                }
            }
            catch (SampleApiException ex) when (!context.Response.HasStarted)
            {
                await Responses.ErrorAsync(context, ex.StatusCode, ex.Code, ex.Message, ex.Details).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !context.Response.HasStarted)
            {
                // A bug in the sample API still answers like an API would: a JSON 500, not a dropped connection.
                await Responses.ErrorAsync(context, 500, "internal_error", "The sample API failed: " + ex.GetType().Name + ".").ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        finally
        {
            api.Requests.Add(new RecordedRequest(
                sequence,
                receivedAt,
                context.Request.Method,
                context.Request.Path.Value + context.Request.QueryString.Value,
                HeadersOf(context.Request),
                body,
                check.Outcome,
                check.Subject,
                check.SessionId,
                context.Response.StatusCode,
                faulted,
                context.RequestAborted.IsCancellationRequested));
        }
    }

    private static async Task<string?> ReadBodyForRecordAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return null;
        }

        request.EnableBuffering(MaxRecordedBodyBytes);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)Math.Min(buffer.Length, MaxRecordedBodyBytes));
    }

    private static Dictionary<string, string> HeadersOf(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in RequestRecorder.HeadersOfInterest)
        {
            if (request.Headers.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value))
            {
                headers[name] = value.ToString();
            }
        }

        // The scheme says whether a token was sent; the token itself is never kept.
        if (request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            var space = authorization.IndexOf(' ', StringComparison.Ordinal);
            headers["Authorization"] = (space > 0 ? authorization[..space] : "(no scheme)") + " [redacted]";
        }

        return headers;
    }

    private static Task WriteFaultAsync(HttpContext context, int status, int? retryAfterSeconds)
    {
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var (code, message) = status switch
        {
            429 => ("rate_limited", "Too many requests: slow down and try again."),
            502 => ("bad_gateway", "The Verity API gateway could not reach the service."),
            503 => ("service_unavailable", "The Verity API is temporarily unavailable."),
            504 => ("gateway_timeout", "The Verity API took too long to answer."),
            >= 500 => ("internal_error", "The Verity API failed to handle the request."),
            _ => ("request_failed", "The request failed."),
        };
        return Responses.ErrorAsync(context, status, code, message);
    }
}
