using System.Net;
using BenchmarkDotNet.Attributes;
using Verity.Mcp.Auth;

namespace Verity.Benchmarks.Auth;

/// <summary>
/// What <see cref="ClerkAuthHandler"/> adds to one request (cached token, header, 200 answer): the same request
/// through an in-memory terminal handler with and without the auth handler in front of it.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ClerkAuthHandlerBenchmarks
{
    private static readonly Uri Endpoint = new("http://verity.test/api/agents?limit=2");
    private static readonly ReadOnlyMemory<byte> Body = """{"name":"Support bot","voice":"alloy"}"""u8.ToArray();

    private PrimedTokenManager _primed = null!;
    private HttpMessageInvoker _withoutAuth = null!;
    private HttpMessageInvoker _withAuth = null!;

    [GlobalSetup]
    public void Setup()
    {
        _primed = PrimedTokenManager.StartAsync().GetAwaiter().GetResult();
        _withoutAuth = new HttpMessageInvoker(new OkHandler());
        _withAuth = new HttpMessageInvoker(new ClerkAuthHandler(_primed.Manager, _primed.HandlerLogger) { InnerHandler = new OkHandler() });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _withoutAuth.Dispose();
        _withAuth.Dispose();
        _primed.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public Task<HttpStatusCode> GetWithoutAuth() => SendAsync(_withoutAuth, HttpMethod.Get);

    [Benchmark]
    public Task<HttpStatusCode> GetWithAuth() => SendAsync(_withAuth, HttpMethod.Get);

    [Benchmark]
    public Task<HttpStatusCode> PostWithoutAuth() => SendAsync(_withoutAuth, HttpMethod.Post);

    [Benchmark]
    public Task<HttpStatusCode> PostWithAuth() => SendAsync(_withAuth, HttpMethod.Post);

    private static async Task<HttpStatusCode> SendAsync(HttpMessageInvoker invoker, HttpMethod method)
    {
        using var request = new HttpRequestMessage(method, Endpoint);
        if (method == HttpMethod.Post)
        {
            request.Content = new ReadOnlyMemoryContent(Body);
        }

        using var response = await invoker.SendAsync(request, CancellationToken.None);
        return response.StatusCode;
    }

    /// <summary>The API, answered from memory so only the handlers' own work is measured.</summary>
    private sealed class OkHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request });
    }
}
