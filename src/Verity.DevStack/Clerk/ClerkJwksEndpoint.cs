using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk;

/// <summary><c>GET /v1/jwks</c>: the public half of the current signing key only.</summary>
internal sealed class ClerkJwksEndpoint(ClerkInstance instance)
{
    public Task GetAsync(HttpContext context) =>
        ClerkHttpResponses.WriteJsonAsync(context, new ClerkJwksJson([instance.Keys.Current.PublicKey]), ClerkJsonContext.Default.ClerkJwksJson);
}
