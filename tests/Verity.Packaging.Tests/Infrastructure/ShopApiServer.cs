using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Verity.DevStack.Clerk;

namespace Verity.Packaging.Tests.Infrastructure;

/// <summary>One request the Shop API accepted: what arrived and whose Clerk session token it carried.</summary>
internal sealed record ShopRequest(string Method, string PathAndQuery, string Body, string Subject, string SessionId);

/// <summary>
/// The consumer's API, on Kestrel at 127.0.0.1 with a free port: three endpoints matching the consumer's catalog.
/// Like an API behind Clerk, it accepts a request only with a session token whose signature checks out against the
/// emulator's JWKS and whose issuer is the emulator's.
/// </summary>
internal sealed class ShopApiServer : IAsyncDisposable
{
    private static readonly JsonArray Products =
    [
        new JsonObject { ["id"] = "prd_1", ["name"] = "The Pragmatic Programmer", ["priceCents"] = 3999, ["category"] = "books" },
        new JsonObject { ["id"] = "prd_2", ["name"] = "Catan", ["priceCents"] = 4500, ["category"] = "games" },
        new JsonObject { ["id"] = "prd_3", ["name"] = "Dune", ["priceCents"] = 1299, ["category"] = "books" },
    ];

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ShopRequest> _requests = new();
    private readonly TokenValidationParameters _validation;
    private int _orders;

    private ShopApiServer(ClerkEmulator clerk, IEnumerable<SecurityKey> signingKeys)
    {
        _validation = new TokenValidationParameters
        {
            ValidIssuer = clerk.Issuer,
            ValidateAudience = false,
            IssuerSigningKeys = signingKeys,
            ClockSkew = TimeSpan.FromSeconds(5),
        };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        // Cast to Delegate so the returned IResult is written (a bare HttpContext handler would be a RequestDelegate).
        _app.MapGet("/api/products", (Delegate)ListProductsAsync);
        _app.MapGet("/api/products/{productId}", GetProductAsync);
        _app.MapPost("/api/orders", (Delegate)CreateOrderAsync);
    }

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<ShopRequest> Requests => [.. _requests];

    public static async Task<ShopApiServer> StartAsync(ClerkEmulator clerk)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, clerk.JwksUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", clerk.SecretKey);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var jwks = new JsonWebKeySet(await response.Content.ReadAsStringAsync());

        var server = new ShopApiServer(clerk, jwks.GetSigningKeys());
        await server._app.StartAsync();
        var addresses = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        server.BaseUrl = addresses.Addresses.Single();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ListProductsAsync(HttpContext context)
    {
        if ((await AcceptAsync(context)).Rejected is { } rejected)
        {
            return rejected;
        }

        var category = context.Request.Query["category"].ToString();
        var limit = int.TryParse(context.Request.Query["limit"], out var parsed) ? parsed : 10;
        var items = new JsonArray([.. Products
            .Where(product => category.Length == 0 || (string?)product!["category"] == category)
            .Take(limit)
            .Select(product => product!.DeepClone())]);
        return Results.Json(new JsonObject { ["items"] = items });
    }

    private async Task<IResult> GetProductAsync(HttpContext context, string productId)
    {
        if ((await AcceptAsync(context)).Rejected is { } rejected)
        {
            return rejected;
        }

        var product = Products.FirstOrDefault(candidate => (string?)candidate!["id"] == productId);
        return product is null
            ? Results.Json(new JsonObject { ["error"] = $"There is no product {productId}." }, statusCode: StatusCodes.Status404NotFound)
            : Results.Json(product.DeepClone());
    }

    private async Task<IResult> CreateOrderAsync(HttpContext context)
    {
        var (rejected, body) = await AcceptAsync(context);
        if (rejected is not null)
        {
            return rejected;
        }

        var order = JsonNode.Parse(body)!.AsObject();
        order["id"] = $"ord_{Interlocked.Increment(ref _orders)}";
        return Results.Json(order, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>Records the request (and returns its body) when its bearer token is a valid session token; otherwise a 401.</summary>
    private async Task<(IResult? Rejected, string Body)> AcceptAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return (Results.Json(new JsonObject { ["error"] = "A bearer token is required." }, statusCode: StatusCodes.Status401Unauthorized), body);
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(authorization["Bearer ".Length..], _validation);
        if (!result.IsValid)
        {
            return (Results.Json(new JsonObject { ["error"] = "The session token is not valid." }, statusCode: StatusCodes.Status401Unauthorized), body);
        }

        _requests.Enqueue(new ShopRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            body,
            (string)result.Claims["sub"],
            (string)result.Claims["sid"]));
        return (null, body);
    }
}
