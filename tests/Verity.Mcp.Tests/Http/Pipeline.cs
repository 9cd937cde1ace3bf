using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Verity.Mcp.Http;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Http;

/// <summary>The pipeline as the host registers it (AddDefaultApiClient), over a real loopback server.</summary>
internal sealed class Pipeline : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private Pipeline(ServiceProvider services, RecordingTimeProvider time)
    {
        _services = services;
        Time = time;
    }

    public RecordingTimeProvider Time { get; }

    /// <summary>What a tool call gets as <c>request.Services</c>: the client and the result mapper.</summary>
    public IServiceProvider Services => _services;

    public IApiClient Client => _services.GetRequiredService<IApiClient>();

    public IToolResultMapper Mapper => _services.GetRequiredService<IToolResultMapper>();

    public ApiClientOptions Options => _services.GetRequiredService<IOptions<ApiClientOptions>>().Value;

    public static Pipeline Create(
        string baseUrl,
        IDictionary<string, string?>? settings = null,
        Action<IHttpClientBuilder>? configureClient = null,
        RecordingTimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal) { ["VERITY_BASE_URL"] = baseUrl };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        time ??= new RecordingTimeProvider();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        var builder = services.AddDefaultApiClient(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), "VERITY");
        configureClient?.Invoke(builder);
        return new Pipeline(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), time);
    }

    public static EndpointDescriptor Endpoint(string method, string path = "/api/things", bool? idempotent = null, TimeSpan? timeout = null, bool hasOutputSchema = true) =>
        new($"{method.ToLowerInvariant()}_things", method, path, method == "GET", idempotent ?? method is "GET" or "PUT" or "DELETE", timeout, hasOutputSchema, ["things"]);

    public Task<ApiResponse> SendAsync(string method, string relativeUri = "/api/things", EndpointDescriptor? endpoint = null, string? json = null,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default) =>
        Client.SendAsync(
            new ApiRequest
            {
                Endpoint = endpoint ?? Endpoint(method),
                Method = new HttpMethod(method),
                RelativeUri = relativeUri,
                JsonBody = json is null ? null : System.Text.Encoding.UTF8.GetBytes(json),
                Headers = headers ?? [],
            },
            cancellationToken);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
