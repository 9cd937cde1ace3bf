using Verity.DevStack.Api.Auth;

namespace Verity.DevStack.Api;

/// <summary>
/// One sample Verity API: its data, the requests it recorded, the faults waiting to be served and its token check.
/// Host it with <see cref="SampleApiServer"/> or map it into an existing app with <see cref="SampleApiApplicationExtensions"/>.
/// </summary>
public sealed class SampleApi : IDisposable
{
    internal SampleApi(SampleApiOptions options, IHttpClientFactory httpClientFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ClerkApiUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ClerkSecretKey);
        Options = options;
        Store = new SampleApiStore(options.TimeProvider, options.CallStepInterval);
        Jwks = new ClerkJwks(httpClientFactory, options.TimeProvider, options.ClerkApiUrl, options.ClerkSecretKey, options.JwksCacheDuration);
        Verifier = new ClerkSessionTokenVerifier(Jwks, options.TimeProvider, options.ClockSkew);
    }

    public SampleApiOptions Options { get; }

    /// <summary>The agents, numbers, contacts and calls.</summary>
    public SampleApiStore Store { get; }

    /// <summary>Every API request that reached the sample API.</summary>
    public RequestRecorder Requests { get; } = new();

    /// <summary>Faults to serve to the next matching requests.</summary>
    public ApiFaultInjector Faults { get; } = new();

    /// <summary>How many times the Clerk JWKS was fetched.</summary>
    public long JwksFetchCount => Jwks.FetchCount;

    internal ClerkJwks Jwks { get; }

    internal ClerkSessionTokenVerifier Verifier { get; }

    public void Dispose() => Jwks.Dispose();
}
