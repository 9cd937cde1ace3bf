using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk.OAuth;

/// <summary>Which URL a Frontend API request was served at: the instance's, or else the one the request reached.</summary>
internal static class ClerkFrontendApiUrl
{
    public static string For(HttpContext context, ClerkInstance instance, string pathPrefix) =>
        instance.FrontendApiUrl
        ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{pathPrefix}";
}
