using System.Net;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Http;
using Verity.Mcp.Tools;

namespace Verity.Benchmarks.Http;

/// <summary>
/// What the Verity API pipeline (named client, resilience handler, per-attempt limit, streamed size-limited read)
/// and the result mapper add to one call, over a plain <see cref="HttpClient"/> GET of the same loopback endpoint.
/// The answer is a 2-agent <c>AgentPage</c> (about 700 bytes of JSON), like <c>list_agents</c>.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class HttpPipelineBenchmarks
{
    private const string Path = "/api/agents?limit=2";

    private static readonly byte[] AgentPage = Encoding.UTF8.GetBytes(
        """{"data":[{"id":"agt_01","name":"Appointment Reminder","description":"Calls patients the day before an appointment to confirm or reschedule.","status":"active","voice":"aria","language":"en-US","phoneNumberId":"pn_01","createdAt":"2026-10-01T09:00:00+00:00"},{"id":"agt_02","name":"Customer Survey","description":"Asks three satisfaction questions after a support ticket is closed.","status":"active","voice":"marcus","language":"en-US","phoneNumberId":"pn_02","createdAt":"2026-10-04T09:00:00+00:00"}],"nextCursor":"cur_2"}""");

    private static readonly EndpointDescriptor ListAgents = new("list_agents", "GET", "/api/agents", true, true, null, true, ["agents"]);

    // list_agents' output schema as the generator declares it: the mapper validates every success result against it.
    private static readonly ToolResultContract AgentPageContract = new(
        JsonElement.Parse(
            """
            {"type":"object","required":["data"],"properties":{"data":{"type":"array","items":{"$ref":"#/$defs/Agent"}},"nextCursor":{"type":["string","null"]}},
             "$defs":{"Agent":{"type":"object","required":["id","name","status","voice","language","createdAt"],"properties":{"id":{"type":"string"},"name":{"type":"string"},
             "description":{"type":["string","null"]},"status":{"$ref":"#/$defs/AgentStatus"},"voice":{"type":"string"},"language":{"type":"string"},
             "phoneNumberId":{"type":["string","null"]},"createdAt":{"type":"string"}}},"AgentStatus":{"type":"string"}}}
            """),
        wrapsResult: false,
        NarrowingArguments.None);

    private WebApplication _server = null!;
    private HttpClient _plain = null!;
    private ServiceProvider _services = null!;
    private IApiClient _client = null!;
    private IToolResultMapper _mapper = null!;
    private ApiRequest _request = null!;
    private ApiResponse _response = null!;

    [GlobalSetup]
    public void Setup()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.Run(context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = AgentPage.Length;
            return context.Response.Body.WriteAsync(AgentPage).AsTask();
        });
        _server.StartAsync().GetAwaiter().GetResult();
        var baseUrl = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        _plain = new HttpClient { BaseAddress = new Uri(baseUrl) };

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDefaultApiClient(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["VERITY_BASE_URL"] = baseUrl }).Build(), "VERITY");
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<IApiClient>();
        _mapper = _services.GetRequiredService<IToolResultMapper>();
        _request = new ApiRequest { Endpoint = ListAgents, Method = HttpMethod.Get, RelativeUri = Path };
        _response = new ApiResponse { StatusCode = 200, ContentType = "application/json; charset=utf-8", Body = AgentPage, TotalLength = AgentPage.Length };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _services.Dispose();
        _server.StopAsync().GetAwaiter().GetResult();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "plain HttpClient GET + read bytes")]
    public Task<byte[]> PlainHttpClient() => _plain.GetByteArrayAsync(Path);

    [Benchmark(Description = "pipeline SendAsync")]
    public Task<ApiResponse> PipelineSend() => _client.SendAsync(_request, CancellationToken.None);

    [Benchmark(Description = "pipeline SendAsync + map to CallToolResult")]
    public async Task<CallToolResult> PipelineSendAndMap() => _mapper.FromResponse(ListAgents, await _client.SendAsync(_request, CancellationToken.None), AgentPageContract);

    [Benchmark(Description = "map only (no I/O)")]
    public CallToolResult MapOnly() => _mapper.FromResponse(ListAgents, _response, AgentPageContract);
}
