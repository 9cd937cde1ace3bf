using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Verity.DevStack.Clerk;

/// <summary>
/// What every Backend API request goes through before its handler, in Clerk's order: injected faults, the secret
/// key, the per-key rate limit (not for the JWKS), the API version. Every request is recorded.
/// </summary>
internal sealed class ClerkRequestGate(ClerkInstance instance)
{
    public RequestDelegate Wrap(RequestDelegate handler, bool rateLimited) => context => HandleAsync(context, handler, rateLimited);

    private async Task HandleAsync(HttpContext context, RequestDelegate handler, bool rateLimited)
    {
        instance.CountRequest();
        var arrivedAt = instance.TimeProvider.GetUtcNow();
        var path = context.Request.Path.Value ?? string.Empty;
        var apiVersion = RequestedApiVersion(context.Request);
        try
        {
            var problem = await PassAsync(context, path, rateLimited);
            if (problem is not null)
            {
                await ClerkHttpResponses.WriteProblemAsync(context, problem);
                return;
            }

            await handler(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (typically during an injected delay); there is no one to answer.
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            // Clerk answers every error with its error body; a bug in the emulator should look the same to a client.
            await ClerkHttpResponses.WriteProblemAsync(context, ClerkErrors.InternalError());
        }
        finally
        {
            instance.Record(new ClerkRequestRecord(
                context.Request.Method,
                path,
                context.Request.QueryString.Value ?? string.Empty,
                context.Response.StatusCode,
                apiVersion,
                arrivedAt));
        }
    }

    private async Task<ClerkProblem?> PassAsync(HttpContext context, string path, bool rateLimited)
    {
        if (instance.TryTakeFault(path) is { } fault)
        {
            if (fault.Delay is { } delay)
            {
                await Task.Delay(delay, instance.TimeProvider, context.RequestAborted);
            }

            if (fault.StatusCode is { } status)
            {
                return ClerkErrors.Injected(status, fault.RetryAfterSeconds);
            }
        }

        if (CheckSecretKey(context.Request) is { } authProblem)
        {
            return authProblem;
        }

        if (rateLimited && instance.TryAcquireRateLimit() is { } retryAfterSeconds)
        {
            return ClerkErrors.TooManyRequests(retryAfterSeconds);
        }

        return CheckApiVersion(context.Request);
    }

    private ClerkProblem? CheckSecretKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        if (authorization.Count != 1)
        {
            return ClerkErrors.AuthorizationHeaderFormatInvalid();
        }

        var value = authorization[0] ?? string.Empty;
        const string Scheme = "Bearer ";
        if (!value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || value.Length == Scheme.Length)
        {
            return ClerkErrors.AuthorizationHeaderFormatInvalid();
        }

        var presented = value.AsSpan(Scheme.Length).Trim();
        return presented.SequenceEqual(instance.SecretKey) ? null : ClerkErrors.ClerkKeyInvalid();
    }

    private static ClerkProblem? CheckApiVersion(HttpRequest request)
    {
        var header = request.Headers[ClerkApiVersions.HeaderName];
        var query = request.Query[ClerkApiVersions.QueryName];
        if (header.Count > 0 && query.Count > 0)
        {
            return ClerkErrors.ApiVersionInvalid(
                $"Specify the API version either in the {ClerkApiVersions.HeaderName} header or in the {ClerkApiVersions.QueryName} query parameter, not both.");
        }

        var requested = header.Count > 0 ? header : query;
        if (requested.Count == 0)
        {
            return null;
        }

        if (requested.Count > 1 || !ClerkApiVersions.Known.Contains(requested[0]))
        {
            return ClerkErrors.ApiVersionInvalid(
                $"The API version '{requested}' is not supported. Supported versions: {string.Join(", ", ClerkApiVersions.Known)}.");
        }

        return null;
    }

    private static string? RequestedApiVersion(HttpRequest request)
    {
        StringValues header = request.Headers[ClerkApiVersions.HeaderName];
        if (header.Count > 0)
        {
            return header.ToString();
        }

        var query = request.Query[ClerkApiVersions.QueryName];
        return query.Count > 0 ? query.ToString() : null;
    }
}
