using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Verity.Mcp.Auth;
using Verity.Mcp.Telemetry;

namespace Verity.Mcp.HttpServer.OAuth;

/// <summary>
/// Lets a request through to the MCP endpoint only with a valid access token for this server; sets the caller
/// (the token's <c>sub</c> and scopes) for what follows, and makes the <c>sub</c> the signed-in Clerk user upstream
/// calls act for. A refused request never reaches the tools, so no upstream
/// request is made for it. The token itself is never logged nor passed on.
/// </summary>
internal sealed partial class BearerTokenGuard(AccessTokenVerifier verifier, BearerChallenge challenge, McpMetrics metrics, ILogger<BearerTokenGuard> logger)
{
    private const string Scheme = "Bearer ";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var authorization = context.Request.Headers[HeaderNames.Authorization].ToString();
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || authorization.Length == Scheme.Length)
        {
            metrics.RecordRejectedIncomingToken("missing");
            await challenge.UnauthorizedAsync(context, failure: null).ConfigureAwait(false);
            return;
        }

        var check = await verifier.VerifyAsync(authorization[Scheme.Length..].Trim(), context.RequestAborted).ConfigureAwait(false);
        if (check.Token is not { } token)
        {
            LogRefused(logger, check.Failure!);
            metrics.RecordRejectedIncomingToken(check.Reason!);
            await challenge.UnauthorizedAsync(context, check.Failure).ConfigureAwait(false);
            return;
        }

        context.Features.Set(token);
        context.User = CallerPrincipal.For(token);

        // Ambient for everything the request runs, so the tool's upstream calls carry a Clerk session token of this user.
        using (ClerkSignedInUser.Use(token.Subject))
        {
            await next(context).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an access token: {Reason}.")]
    private static partial void LogRefused(ILogger logger, string reason);
}
