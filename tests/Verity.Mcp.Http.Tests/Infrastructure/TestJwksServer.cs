using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Verity.Mcp.HttpServer.Tests.Infrastructure;

/// <summary>
/// A small authorization server of the tests' own on loopback Kestrel: it serves <c>/.well-known/jwks.json</c> with
/// its RSA keys and signs access tokens like the contract's (RS256, iss, sub, aud, scope, iat/nbf/exp, jti). Its base
/// URL is the issuer (the Frontend API URL). Keys can be rotated; JWKS fetches are counted.
/// </summary>
internal sealed class TestJwksServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private List<SigningKey> _published = [];
    private int _fetches;

    private TestJwksServer(WebApplication app, string issuer)
    {
        _app = app;
        Issuer = issuer;
    }

    public string Issuer { get; }

    public int JwksFetches => Volatile.Read(ref _fetches);

    public SigningKey CurrentKey { get; private set; } = SigningKey.Create();

    public static async Task<TestJwksServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        TestJwksServer? server = null;
        app.MapGet("/.well-known/jwks.json", (HttpContext context) => server!.WriteJwksAsync(context));
        await app.StartAsync();
        server = new TestJwksServer(app, app.Urls.Single());
        server._published = [server.CurrentKey];
        return server;
    }

    /// <summary>A new current key, published beside the old ones (tokens signed with it are verifiable after a refetch).</summary>
    public SigningKey Rotate()
    {
        var key = SigningKey.Create();
        lock (_gate)
        {
            _published = [.. _published, key];
            CurrentKey = key;
        }

        return key;
    }

    /// <summary>A signed token for <paramref name="audience"/>; every claim can be overridden or dropped (null).</summary>
    public string Token(string audience, string scope, TimeProvider? time = null, Action<JsonObject>? claims = null, SigningKey? key = null, string? kid = null)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["iss"] = Issuer,
            ["sub"] = Verity.DevStack.Clerk.ClerkEmulatorSeed.AliceUserId,
            ["aud"] = audience,
            ["client_id"] = "client_test",
            ["scope"] = scope,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        claims?.Invoke(payload);
        var signing = key ?? CurrentKey;
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "at+jwt", ["kid"] = kid ?? signing.Kid };
        var signedPart = $"{Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(header.ToJsonString()))}.{Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString()))}";
        var signature = signing.Rsa.SignData(System.Text.Encoding.ASCII.GetBytes(signedPart), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signedPart}.{Base64Url.EncodeToString(signature)}";
    }

    private Task WriteJwksAsync(HttpContext context)
    {
        Interlocked.Increment(ref _fetches);
        List<SigningKey> keys;
        lock (_gate)
        {
            keys = _published;
        }

        var document = new JsonObject { ["keys"] = new JsonArray([.. keys.Select(key => key.PublicJwk())]) };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(document.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var key in _published)
        {
            key.Rsa.Dispose();
        }
    }

    internal sealed record SigningKey(string Kid, RSA Rsa)
    {
        public static SigningKey Create() => new("kid_" + Guid.NewGuid().ToString("N")[..12], RSA.Create(2048));

        public JsonObject PublicJwk()
        {
            var parameters = Rsa.ExportParameters(includePrivateParameters: false);
            return new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = Kid,
                ["n"] = Base64Url.EncodeToString(parameters.Modulus),
                ["e"] = Base64Url.EncodeToString(parameters.Exponent),
            };
        }
    }
}
