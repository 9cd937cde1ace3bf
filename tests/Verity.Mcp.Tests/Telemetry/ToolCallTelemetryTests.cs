using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ModelContextProtocol.Protocol;
using Verity.DevStack;
using Verity.DevStack.Api;
using Verity.DevStack.Clerk;
using Verity.Mcp.Auth;
using Verity.Mcp.Http;
using Verity.Mcp.Telemetry;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Telemetry;

/// <summary>
/// Real tool calls through the production registration against the dev stack, watched with an
/// <see cref="ActivityListener"/> and <see cref="MetricCollector{T}"/>: the spans, their parentage down to the
/// <c>traceparent</c> the API received, their attributes, the metrics, and no secret or argument value anywhere.
/// </summary>
public sealed class ToolCallTelemetryTests(ToolCallTelemetryTests.Stack stack) : IClassFixture<ToolCallTelemetryTests.Stack>, IDisposable
{
    private const string QueryValue = "q-7731-value";

    private readonly ServiceProvider _services = stack.NewPipeline();

    public sealed class Stack : IAsyncLifetime
    {
        private IConfiguration _configuration = null!;

        public DevStackHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await DevStackHost.StartAsync(new DevStackOptions { Clerk = { ReuseSigningKeyMaterial = true } });
            _configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["VERITY_BASE_URL"] = Host.VerityBaseUrl,
                [ClerkConfigurationKeys.SecretKey] = Host.SecretKey,
                [ClerkConfigurationKeys.ApiUrl] = Host.ClerkApiUrl,
                [ClerkConfigurationKeys.SessionId] = ClerkEmulatorSeed.AliceSessionId,
            }).Build();
        }

        public Task DisposeAsync() => Host.DisposeAsync().AsTask();

        /// <summary>A fresh pipeline (no cached token), with no recordings and no faults left from another test.</summary>
        public ServiceProvider NewPipeline(bool signedInUsers = false)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            var client = services.AddDefaultApiClient(_configuration, "VERITY");
            if (signedInUsers)
            {
                client.AddClerkSignedInUserAuthentication(new ConfigurationBuilder().AddConfiguration(_configuration)
                    .AddInMemoryCollection(new Dictionary<string, string?> { [ClerkConfigurationKeys.SessionId] = null }).Build());
            }
            else
            {
                client.AddClerkAuthentication(_configuration);
            }

            Host.Api.Requests.Clear();
            Host.Api.Faults.Clear();
            return services.BuildServiceProvider();
        }
    }

    public void Dispose() => _services.Dispose();

    private SampleApi Api => stack.Host.Api;

    [Fact]
    public async Task A_successful_call_has_a_tool_span_over_an_upstream_span_whose_context_reached_the_api()
    {
        using var calls = Collector<long>(McpMetrics.ToolCallsName);
        using var durations = Collector<double>(McpMetrics.ToolCallDurationName);
        using var upstream = Collector<long>(McpMetrics.UpstreamResponsesName);
        using var upstreamDurations = Collector<double>(McpMetrics.UpstreamDurationName);
        using var mints = Collector<long>(McpMetrics.TokenMintsName);
        using var trace = new TraceCapture();

        var result = await new GetAgentTool().InvokeAsync(Arguments(SampleApiSeed.ActiveAgentId), _services, CancellationToken.None);

        Assert.NotEqual(true, result.IsError);
        var tool = Assert.Single(trace.Spans, span => span.Kind == ActivityKind.Internal);
        Assert.Equal("execute_tool get_agent", tool.DisplayName);
        Assert.Equal(trace.Root.SpanId, tool.ParentSpanId);
        Assert.Equal("execute_tool", tool.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("get_agent", tool.GetTagItem("gen_ai.tool.name"));
        Assert.Equal("tools/call", tool.GetTagItem("mcp.method.name"));
        Assert.Equal("ok", tool.GetTagItem("verity.mcp.tool.outcome"));
        Assert.Null(tool.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, tool.Status);

        var client = Assert.Single(trace.Spans, span => span.Kind == ActivityKind.Client);
        Assert.Equal("GET /api/agents/{agentId}", client.DisplayName);
        Assert.Equal(tool.SpanId, client.ParentSpanId);
        Assert.Equal("GET", client.GetTagItem("http.request.method"));
        Assert.Equal("/api/agents/{agentId}", client.GetTagItem("url.template"));
        Assert.Equal(200, client.GetTagItem("http.response.status_code"));
        Assert.Equal("127.0.0.1", client.GetTagItem("server.address"));
        Assert.Null(client.GetTagItem("http.request.resend_count"));

        // .NET's handler sends a span of its own, a child of ours, as the request's traceparent (the token mint's
        // request is the other transport span of the trace).
        var transport = Assert.Single(trace.TransportSpans, span => span.ParentSpanId == client.SpanId);
        var received = Assert.Single(Api.Requests.Requests);
        Assert.Equal($"00-{client.TraceId}-{transport.SpanId}-01", received.Headers["traceparent"]);

        var call = Assert.Single(calls.GetMeasurementSnapshot());
        Assert.Equal(1, call.Value);
        Assert.Equal("get_agent", call.Tags["gen_ai.tool.name"]);
        Assert.Equal("ok", call.Tags["verity.mcp.tool.outcome"]);
        Assert.True(Assert.Single(durations.GetMeasurementSnapshot()).Value > 0);
        var response = Assert.Single(upstream.GetMeasurementSnapshot());
        Assert.Equal(200, response.Tags["http.response.status_code"]);
        Assert.Equal("/api/agents/{agentId}", response.Tags["url.template"]);
        Assert.Single(upstreamDurations.GetMeasurementSnapshot());
        Assert.Equal(1, Assert.Single(mints.GetMeasurementSnapshot()).Value);
        AssertNoSecret(trace.Spans, Tags(calls), Tags(upstream), Tags(mints));
    }

    [Fact]
    public async Task An_api_error_marks_both_spans_and_counts_the_status()
    {
        using var calls = Collector<long>(McpMetrics.ToolCallsName);
        using var upstream = Collector<long>(McpMetrics.UpstreamResponsesName);
        using var trace = new TraceCapture();

        var result = await new GetAgentTool().InvokeAsync(Arguments("agt_missing_4417"), _services, CancellationToken.None);

        Assert.True(result.IsError);
        var tool = Assert.Single(trace.Spans, span => span.Kind == ActivityKind.Internal);
        Assert.Equal("api_error", tool.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, tool.Status);
        var client = Assert.Single(trace.Spans, span => span.Kind == ActivityKind.Client);
        Assert.Equal(404, client.GetTagItem("http.response.status_code"));
        Assert.Equal("404", client.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, client.Status);
        Assert.Equal("api_error", Assert.Single(calls.GetMeasurementSnapshot()).Tags["verity.mcp.tool.outcome"]);
        Assert.Equal(404, Assert.Single(upstream.GetMeasurementSnapshot()).Tags["http.response.status_code"]);
        AssertNoSecret(trace.Spans, Tags(calls), Tags(upstream));
        Assert.DoesNotContain(trace.Spans.SelectMany(Values), value => value.Contains("agt_missing_4417", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_retried_get_has_one_client_span_per_attempt_with_its_resend_count()
    {
        Api.Faults.Add(ApiFault.Status("GET", "/api/agents/" + SampleApiSeed.ActiveAgentId, 503, retryAfterSeconds: 0));
        using var upstream = Collector<long>(McpMetrics.UpstreamResponsesName);
        using var trace = new TraceCapture();

        var result = await new GetAgentTool().InvokeAsync(Arguments(SampleApiSeed.ActiveAgentId), _services, CancellationToken.None);

        Assert.NotEqual(true, result.IsError);
        var tool = Assert.Single(trace.Spans, span => span.Kind == ActivityKind.Internal);
        var attempts = trace.Spans.Where(span => span.Kind == ActivityKind.Client).ToList();
        Assert.Equal([503, 200], attempts.Select(span => (int)span.GetTagItem("http.response.status_code")!));
        Assert.Equal([null, 1], attempts.Select(span => (int?)span.GetTagItem("http.request.resend_count")));
        Assert.All(attempts, span => Assert.Equal(tool.SpanId, span.ParentSpanId));
        Assert.Equal([503, 200], upstream.GetMeasurementSnapshot().Select(m => (int)m.Tags["http.response.status_code"]!));
    }

    [Fact]
    public async Task A_timeout_is_the_tool_span_error_and_an_upstream_attempt_without_status()
    {
        Api.Faults.Add(ApiFault.Delayed("POST", "/api/calls/agents/" + SampleApiSeed.ActiveAgentId + "/test", TimeSpan.FromSeconds(10)));
        using var calls = Collector<long>(McpMetrics.ToolCallsName);
        using var upstream = Collector<long>(McpMetrics.UpstreamResponsesName);
        using var trace = new TraceCapture();

        var result = await new StartTestCallTool().InvokeAsync(Arguments(SampleApiSeed.ActiveAgentId), _services, CancellationToken.None);

        Assert.True(result.IsError);
        var tool = Assert.Single(trace.Spans, span => span.Kind == ActivityKind.Internal);
        Assert.Equal("timeout", tool.GetTagItem("error.type"));
        var client = Assert.Single(trace.Spans, span => span.Kind == ActivityKind.Client);
        Assert.Equal("POST /api/calls/agents/{agentId}/test", client.DisplayName);
        Assert.Equal("timeout", client.GetTagItem("error.type"));
        Assert.Null(client.GetTagItem("http.response.status_code"));
        Assert.Equal("timeout", Assert.Single(calls.GetMeasurementSnapshot()).Tags["verity.mcp.tool.outcome"]);
        var attempt = Assert.Single(upstream.GetMeasurementSnapshot());
        Assert.Equal("timeout", attempt.Tags["error.type"]);
        Assert.False(attempt.Tags.ContainsKey("http.response.status_code"));
    }

    [Fact]
    public async Task Invalid_arguments_are_counted_without_an_upstream_span()
    {
        using var calls = Collector<long>(McpMetrics.ToolCallsName);
        using var trace = new TraceCapture();

        var result = await new GetAgentTool().InvokeAsync(new Dictionary<string, JsonElement>(), _services, CancellationToken.None);

        Assert.True(result.IsError);
        var tool = Assert.Single(trace.Spans);
        Assert.Equal("invalid_arguments", tool.GetTagItem("error.type"));
        Assert.Equal("invalid_arguments", Assert.Single(calls.GetMeasurementSnapshot()).Tags["verity.mcp.tool.outcome"]);
        Assert.Empty(Api.Requests.Requests);
    }

    [Fact]
    public async Task A_failed_mint_is_counted_by_status_and_the_call_reports_auth_failed()
    {
        stack.Host.Clerk.InjectFaults(1, 403, "/tokens");
        using var calls = Collector<long>(McpMetrics.ToolCallsName);
        using var mints = Collector<long>(McpMetrics.TokenMintsName);
        using var failures = Collector<long>(McpMetrics.TokenMintFailuresName);
        using var trace = new TraceCapture();

        var result = await new GetAgentTool().InvokeAsync(Arguments(SampleApiSeed.ActiveAgentId), _services, CancellationToken.None);

        Assert.True(result.IsError);
        var failure = Assert.Single(failures.GetMeasurementSnapshot());
        Assert.Equal("403", failure.Tags["error.type"]);
        Assert.Empty(mints.GetMeasurementSnapshot());
        Assert.Equal("auth_failed", Assert.Single(calls.GetMeasurementSnapshot()).Tags["verity.mcp.tool.outcome"]);
        Assert.Equal("auth_failed", Assert.Single(trace.Spans, span => span.Kind == ActivityKind.Internal).GetTagItem("error.type"));
        Assert.Empty(Api.Requests.Requests);
        AssertNoSecret(trace.Spans, Tags(calls), Tags(failures));
    }

    [Fact]
    public async Task Mints_for_signed_in_users_are_counted_too()
    {
        using var services = stack.NewPipeline(signedInUsers: true);
        using var mints = new MetricCollector<long>(
            services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), McpTelemetry.Name, McpMetrics.TokenMintsName);

        using (ClerkSignedInUser.Use(ClerkEmulatorSeed.AliceUserId))
        {
            var result = await new GetAgentTool().InvokeAsync(Arguments(SampleApiSeed.ActiveAgentId), services, CancellationToken.None);
            Assert.NotEqual(true, result.IsError);
        }

        Assert.Equal(1, Assert.Single(mints.GetMeasurementSnapshot()).Value);
        Assert.Equal(ClerkEmulatorSeed.AliceUserId, Assert.Single(Api.Requests.Requests).Subject);
    }

    [Fact]
    public void Rejected_incoming_tokens_are_counted_by_reason()
    {
        using var rejected = Collector<long>(McpMetrics.RejectedIncomingTokensName);
        var metrics = _services.GetRequiredService<McpMetrics>();

        metrics.RecordRejectedIncomingToken("expired");
        metrics.RecordRejectedIncomingToken("audience");

        Assert.Equal(["expired", "audience"], rejected.GetMeasurementSnapshot().Select(m => (string)m.Tags["verity.mcp.rejection.reason"]!));
    }

    private MetricCollector<T> Collector<T>(string instrument)
        where T : struct =>
        new(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), McpTelemetry.Name, instrument);

    private static Dictionary<string, JsonElement> Arguments(string agentId) => new(StringComparer.Ordinal)
    {
        ["agentId"] = JsonSerializer.SerializeToElement(agentId),
        ["note"] = JsonSerializer.SerializeToElement(QueryValue),
    };

    /// <summary>Every span name, tag value and metric tag value is free of the secret key, any JWT, and every argument value.</summary>
    private void AssertNoSecret(IReadOnlyList<Activity> spans, params IEnumerable<string>[] metricTagValues)
    {
        var values = spans.SelectMany(Values).Concat(metricTagValues.SelectMany(tags => tags)).ToList();
        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            Assert.DoesNotContain(stack.Host.SecretKey, value, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJ", value, StringComparison.Ordinal);
            Assert.DoesNotContain(SampleApiSeed.ActiveAgentId, value, StringComparison.Ordinal);
            Assert.DoesNotContain(QueryValue, value, StringComparison.Ordinal);
            Assert.DoesNotContain(ClerkEmulatorSeed.AliceSessionId, value, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer", value, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> Tags<T>(MetricCollector<T> collector)
        where T : struct =>
        collector.GetMeasurementSnapshot()
            .SelectMany(measurement => measurement.Tags.Keys.Concat(measurement.Tags.Values.Select(value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "")))
            .ToList();

    private static IEnumerable<string> Values(Activity span) =>
        span.TagObjects.Select(tag => Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")
            .Append(span.DisplayName)
            .Append(span.StatusDescription ?? "");

    private sealed class GetAgentTool() : EndpointTool(Descriptor, Definition)
    {
        private static readonly EndpointDescriptor Descriptor = new("get_agent", "GET", "/api/agents/{agentId}", true, true, null, false, ["agents"]);

        private static readonly ToolDefinition Definition = new(
            "Get one agent.",
            """{ "type": "object", "properties": { "agentId": { "type": "string", "minLength": 1 }, "note": { "type": "string" } }, "required": ["agentId"] }""",
            null,
            new ToolHints(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true));

        protected override ApiRequest BuildRequest(ToolArguments arguments)
        {
            var request = new ApiRequestBuilder(Descriptor)
                .AppendLiteral("/api/agents/")
                .AppendSegment("agentId", ToolJson.ReadString(arguments.GetRequired("agentId")));
            if (arguments.TryGet("note", out var note))
            {
                request.AddQuery("note", ToolJson.ReadString(note));
            }

            return request.Build();
        }
    }

    /// <summary>A POST (never resent) with a short limit of its own, for the timeout case.</summary>
    private sealed class StartTestCallTool() : EndpointTool(Descriptor, Definition)
    {
        private static readonly EndpointDescriptor Descriptor = new(
            "initiate_test_call", "POST", "/api/calls/agents/{agentId}/test", false, false, TimeSpan.FromMilliseconds(300), false, ["calls"]);

        private static readonly ToolDefinition Definition = new(
            "Start a test call.",
            """{ "type": "object", "properties": { "agentId": { "type": "string", "minLength": 1 }, "note": { "type": "string" } }, "required": ["agentId"] }""",
            null,
            new ToolHints(ReadOnly: false, Destructive: false, Idempotent: false, OpenWorld: true));

        protected override ApiRequest BuildRequest(ToolArguments arguments) =>
            new ApiRequestBuilder(Descriptor)
                .AppendLiteral("/api/calls/agents/")
                .AppendSegment("agentId", ToolJson.ReadString(arguments.GetRequired("agentId")))
                .AppendLiteral("/test")
                .SetJsonBody("""{"phoneNumber":"+15550100"}"""u8.ToArray())
                .Build();
    }
}
