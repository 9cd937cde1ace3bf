using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Verity.DevStack.Api;

/// <summary><c>GET /api/phone-numbers</c>.</summary>
internal static class PhoneNumberEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SampleApiStore store) =>
        routes.MapGet("/api/phone-numbers", context =>
            Responses.JsonAsync(context, new PhoneNumberList(store.PhoneNumbers()), SampleApiJsonContext.Default.PhoneNumberList));
}
