using System.Text;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Tools;

public sealed class ApiRequestBuilderTests
{
    private static readonly EndpointDescriptor Endpoint = new("get_agent", "GET", "/api/agents/{agentId}", true, true, null, false, []);

    private static string Path(string value) =>
        new ApiRequestBuilder(Endpoint).AppendLiteral("/api/agents/").AppendSegment("agentId", value).Build().RelativeUri;

    [Theory]
    [InlineData("agt_01", "/api/agents/agt_01")]
    [InlineData("../admin", "/api/agents/..%2Fadmin")]
    [InlineData("..%2Fadmin", "/api/agents/..%252Fadmin")]
    [InlineData("%2e%2e", "/api/agents/%252e%252e")]
    [InlineData("a/b", "/api/agents/a%2Fb")]
    [InlineData("a\\b", "/api/agents/a%5Cb")]
    [InlineData("?x=1", "/api/agents/%3Fx%3D1")]
    [InlineData("#top", "/api/agents/%23top")]
    [InlineData("...", "/api/agents/...")]
    [InlineData("a b+c", "/api/agents/a%20b%2Bc")]
    [InlineData("日本", "/api/agents/%E6%97%A5%E6%9C%AC")]
    public void Path_value_is_one_encoded_segment(string value, string expected)
    {
        var relative = Path(value);

        Assert.Equal(expected, relative);
        var uri = new Uri(new Uri("https://api.example/base/"), relative.TrimStart('/'));
        Assert.Equal(4, uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Empty(uri.Query);
        Assert.Empty(uri.Fragment);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void Values_that_would_change_the_path_are_refused(string value)
    {
        var exception = Assert.Throws<ToolArgumentException>(() => Path(value));
        Assert.Equal(("agentId", "path"), (exception.Errors[0].Argument, exception.Errors[0].Rule));
    }

    [Fact]
    public void Query_names_and_values_are_encoded_and_arrays_repeat()
    {
        var request = new ApiRequestBuilder(Endpoint)
            .AppendLiteral("/api/contacts")
            .AddQuery("q", "a&b=c d")
            .AddQuery("tag", ["vip", "new/customer"])
            .AddQuery("odd name", "é")
            .Build();

        Assert.Equal("/api/contacts?q=a%26b%3Dc%20d&tag=vip&tag=new%2Fcustomer&odd%20name=%C3%A9", request.RelativeUri);
        Assert.Equal(HttpMethod.Get, request.Method);
    }

    [Theory]
    [InlineData("a\rb")]
    [InlineData("a\nb")]
    [InlineData("key\r\nX-Injected: 1")]
    public void Header_values_with_line_breaks_are_refused(string value)
    {
        var exception = Assert.Throws<ToolArgumentException>(() => new ApiRequestBuilder(Endpoint).AddHeader("Idempotency-Key", value));
        Assert.Equal("header", exception.Errors[0].Rule);
    }

    [Fact]
    public void Headers_and_body_are_carried()
    {
        var body = Encoding.UTF8.GetBytes("""{"a":1}""");
        var request = new ApiRequestBuilder(Endpoint with { Method = "POST" })
            .AppendLiteral("/api/contacts")
            .AddHeader("Idempotency-Key", "key-1")
            .SetJsonBody(body)
            .Build();

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal([new KeyValuePair<string, string>("Idempotency-Key", "key-1")], request.Headers);
        Assert.Equal(body, request.JsonBody!.Value.ToArray());
    }

    [Fact]
    public void Values_are_formatted_invariantly()
    {
        Assert.Equal("2026-11-01T09:30:00Z", ApiValueFormatter.Format(new DateTimeOffset(2026, 11, 1, 10, 30, 0, TimeSpan.FromHours(1))));
        Assert.Equal("2026-11-01T09:30:00.125Z", ApiValueFormatter.Format(new DateTimeOffset(2026, 11, 1, 9, 30, 0, 125, TimeSpan.Zero)));
        Assert.Equal("0.1", ApiValueFormatter.Format(0.1));
        Assert.Equal("-5", ApiValueFormatter.Format(-5L));
        Assert.Equal("true", ApiValueFormatter.Format(true));
    }
}
