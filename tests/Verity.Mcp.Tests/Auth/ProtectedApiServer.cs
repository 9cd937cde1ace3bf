using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Verity.Mcp.Tests.Auth;

/// <summary>
/// A tiny API behind Clerk auth on loopback: it verifies each bearer token's RS256 signature against the
/// emulator's JWKS (refetched on an unknown kid, as Clerk's middleware does), checks exp/nbf with 5 s of skew on
/// its own clock, answers 401 otherwise, and records every request it gets.
/// </summary>
internal sealed class ProtectedApiServer : IAsyncDisposable
{
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly string _jwksUrl;
    private readonly string _secretKey;
    private readonly TimeProvider _time;
    private readonly HttpClient _jwksClient = new();
    private readonly ConcurrentDictionary<string, RSA> _keys = new(StringComparer.Ordinal);
    private int _rejectNext;
    private int _failNext;
    private int _failStatus;
    private int _jwksFetches;

    private ProtectedApiServer(WebApplication app, string jwksUrl, string secretKey, TimeProvider time)
    {
        _app = app;
        _jwksUrl = jwksUrl;
        _secretKey = secretKey;
        _time = time;
    }

    public string BaseUrl { get; private set; } = string.Empty;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int JwksFetches => Volatile.Read(ref _jwksFetches);

    /// <summary>Added to the server's clock when checking exp/nbf (a server whose clock runs ahead sees tokens expire early).</summary>
    public TimeSpan ClockOffset { get; set; }

    public static async Task<ProtectedApiServer> StartAsync(string jwksUrl, string secretKey, TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ProtectedApiServer(app, jwksUrl, secretKey, time);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>The next <paramref name="count"/> requests get 401 whatever their token.</summary>
    public void RejectNext(int count) => Volatile.Write(ref _rejectNext, count);

    /// <summary>The next <paramref name="count"/> requests with a valid token get <paramref name="status"/>.</summary>
    public void FailNext(int count, HttpStatusCode status)
    {
        Volatile.Write(ref _failStatus, (int)status);
        Volatile.Write(ref _failNext, count);
    }

    /// <summary>Forgets the cached JWKS (as a verifier's cache expiring would), so the next token refetches it.</summary>
    public void ExpireJwksCache() => _keys.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _jwksClient.Dispose();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var authorization = context.Request.Headers.Authorization.ToString();

        var status = StatusCodes.Status200OK;
        string? problem = null;
        if (TakeOne(ref _rejectNext))
        {
            (status, problem) = (StatusCodes.Status401Unauthorized, "rejected by the test");
        }
        else if (await VerifyAsync(authorization, context.RequestAborted) is { } failure)
        {
            (status, problem) = (StatusCodes.Status401Unauthorized, failure);
        }
        else if (TakeOne(ref _failNext))
        {
            (status, problem) = (Volatile.Read(ref _failStatus), "failed by the test");
        }

        Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, body.ToArray(), authorization, status, problem));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(problem is null ? """{"ok":true}""" : JsonSerializer.Serialize(new { error = problem }), context.RequestAborted);
    }

    private async Task<string?> VerifyAsync(string authorization, CancellationToken cancellationToken)
    {
        const string Scheme = "Bearer ";
        if (!authorization.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return "no bearer token";
        }

        var parts = authorization[Scheme.Length..].Split('.');
        if (parts.Length != 3)
        {
            return "not a JWT";
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            if (header.RootElement.GetProperty("alg").GetString() != "RS256")
            {
                return "not RS256";
            }

            var kid = header.RootElement.GetProperty("kid").GetString()!;
            if (!_keys.ContainsKey(kid))
            {
                await RefreshKeysAsync(cancellationToken);
            }

            if (!_keys.TryGetValue(kid, out var key))
            {
                return "unknown kid";
            }

            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (!key.VerifyData(signed, Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return "bad signature";
            }

            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var now = _time.GetUtcNow() + ClockOffset;
            var exp = DateTimeOffset.FromUnixTimeSeconds(payload.RootElement.GetProperty("exp").GetInt64());
            var nbf = DateTimeOffset.FromUnixTimeSeconds(payload.RootElement.GetProperty("nbf").GetInt64());
            if (now > exp + AllowedSkew)
            {
                return "expired";
            }

            return now < nbf - AllowedSkew ? "not yet valid" : null;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return "malformed token";
        }
    }

    private async Task RefreshKeysAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _jwksFetches);
        using var request = new HttpRequestMessage(HttpMethod.Get, _jwksUrl);
        request.Headers.Authorization = new("Bearer", _secretKey);
        using var response = await _jwksClient.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var jwks = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        foreach (var jwk in jwks.RootElement.GetProperty("keys").EnumerateArray())
        {
            var rsa = RSA.Create();
            rsa.ImportParameters(new RSAParameters
            {
                Modulus = Base64Url.DecodeFromChars(jwk.GetProperty("n").GetString()),
                Exponent = Base64Url.DecodeFromChars(jwk.GetProperty("e").GetString()),
            });
            if (!_keys.TryAdd(jwk.GetProperty("kid").GetString()!, rsa))
            {
                rsa.Dispose();
            }
        }
    }

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    public sealed record RecordedRequest(string Method, string PathAndQuery, byte[] Body, string Authorization, int Status, string? Problem);
}
