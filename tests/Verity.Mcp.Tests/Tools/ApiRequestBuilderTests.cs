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
    [InlineData("?x=1", "/api/agents/%3Fx%3D1")]
    [InlineData("#top", "/api/agents/%23top")]
    [InlineData("...", "/api/agents/...")]
    [InlineData("..a", "/api/agents/..a")]
    [InlineData("%2e%2e%2e", "/api/agents/%252e%252e%252e")]
    [InlineData("100%", "/api/agents/100%25")]
    [InlineData("a;b", "/api/agents/a%3Bb")]
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
    [InlineData("", "must not be empty")]
    [InlineData(".", "must not be '.' or '..'")]
    [InlineData("..", "must not be '.' or '..'")]
    [InlineData("%2e", "must not be '.' or '..'")]
    [InlineData("%2e%2e", "must not be '.' or '..'")]
    [InlineData("%2E%2E", "must not be '.' or '..'")]
    [InlineData(".%2E", "must not be '.' or '..'")]
    [InlineData("%2E.", "must not be '.' or '..'")]
    [InlineData("%252e%252e", "must not be '.' or '..'")]
    [InlineData("%25252e%25252e", "must not be '.' or '..'")]
    [InlineData("..;jsessionid=x", "must not be '.' or '..'")]
    [InlineData("%2e%2e%3Bx", "must not be '.' or '..'")]
    [InlineData("a/b", "must not contain '/' or '\\'")]
    [InlineData("a\\b", "must not contain '/' or '\\'")]
    [InlineData("../admin", "must not contain '/' or '\\'")]
    [InlineData("..\\admin", "must not contain '/' or '\\'")]
    [InlineData("agt_01/../../admin", "must not contain '/' or '\\'")]
    [InlineData("..%2Fadmin", "must not contain '/' or '\\'")]
    [InlineData("%2f", "must not contain '/' or '\\'")]
    [InlineData("%5C", "must not contain '/' or '\\'")]
    [InlineData("%252F", "must not contain '/' or '\\'")]
    public void Values_that_would_change_the_path_are_refused(string value, string message)
    {
        var exception = Assert.Throws<ToolArgumentException>(() => Path(value));
        var error = Assert.Single(exception.Errors);
        Assert.Equal(("agentId", "path"), (error.Argument, error.Rule));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    private static string Composed(string template, params (string Argument, string Value)[] values)
    {
        var builder = new ApiRequestBuilder(Endpoint);
        var next = 0;
        foreach (var part in template.Split('{', '}'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (next < values.Length && part == values[next].Argument)
            {
                builder.AppendSegment(values[next].Argument, values[next].Value);
                next++;
            }
            else
            {
                builder.AppendLiteral(part);
            }
        }

        return builder.Build().RelativeUri;
    }

    [Theory]
    [InlineData("/files/{a}{b}", "%2", "e.")]
    [InlineData("/files/{a}{b}/x", "%2", "e%2e")]
    [InlineData("/files/{a}{b}", "%252", "e%252e")]
    public void A_segment_the_template_composes_is_refused_when_it_decodes_to_a_dot_segment(string template, string a, string b)
    {
        var exception = Assert.Throws<ToolArgumentException>(() => Composed(template, ("a", a), ("b", b)));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(("a + b", "path"), (error.Argument, error.Rule));
        Assert.Contains("is or decodes to the dot segment '.' or '..'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_segment_the_template_composes_is_refused_when_it_decodes_to_a_separator()
    {
        var exception = Assert.Throws<ToolArgumentException>(() => Composed("/files/{a}{b}", ("a", "%2"), ("b", "F")));

        Assert.Contains("contains or decodes to '/' or '\\'", Assert.Single(exception.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/files/{a}.{b}", "v1", "json", "/files/v1.json")]
    [InlineData("/files/{a}{b}", "%2", "x", "/files/%252x")]
    [InlineData("/files/{a}-{b}/raw", "..a", "b", "/files/..a-b/raw")]
    public void A_segment_the_template_composes_from_ordinary_values_is_sent(string template, string a, string b, string expected) =>
        Assert.Equal(expected, Composed(template, ("a", a), ("b", b)));

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
