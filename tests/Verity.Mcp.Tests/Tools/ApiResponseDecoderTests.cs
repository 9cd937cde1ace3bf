using System.Text;
using Verity.Mcp.Http;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Tools;

/// <summary>How a typed client's answer is decoded: the success check, the body read, and what a failure carries.</summary>
public sealed class ApiResponseDecoderTests
{
    private static readonly EndpointDescriptor GetItem = new("get_item", "GET", "/items/{id}", true, true, null, true, ["items"]);

    [Fact]
    public void A_success_is_read_with_the_given_reader()
    {
        var id = ApiResponseDecoder.Read(Response(200, """{"id":"it_1"}"""), GetItem, null, static element => element.GetProperty("id").GetString());

        Assert.Equal("it_1", id);
    }

    [Fact]
    public void A_2xx_body_that_is_not_the_declared_response_throws_with_the_status_and_body()
    {
        var exception = Assert.Throws<ApiCallException>(() =>
            ApiResponseDecoder.Read(Response(200, """{"other":1}"""), GetItem, null, static element => element.GetProperty("id").GetString()));

        Assert.Equal(200, exception.StatusCode);
        Assert.False(exception.IsStatusFailure);
        Assert.Equal("""{"other":1}""", exception.Content);
        Assert.StartsWith("get_item (GET /items/{id}) answered 200 with a body that is not its declared response", exception.Message, StringComparison.Ordinal);
        Assert.IsType<KeyNotFoundException>(exception.InnerException);
    }

    [Fact]
    public void A_cut_body_is_not_read_as_the_declared_response()
    {
        var response = new ApiResponse { StatusCode = 200, ContentType = "application/json", Body = Encoding.UTF8.GetBytes("""{"id":"it"""), Truncated = true };

        var exception = Assert.Throws<ApiCallException>(() => ApiResponseDecoder.Read(response, GetItem, null, static element => element.GetRawText()));

        Assert.Contains("cut at the configured size limit", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_redactor_a_secret_shaped_value_in_a_failure_body_is_still_redacted()
    {
        const string jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEyMyJ9.c2lnbmF0dXJlLXBhcnQtb25l";
        var response = Response(401, $$"""{"error":"bad token {{jwt}}"}""", reason: "Unauthorized");

        var exception = Assert.Throws<ApiCallException>(() => ApiResponseDecoder.EnsureSuccess(response, GetItem, null));

        Assert.Equal(401, exception.StatusCode);
        Assert.Equal("Unauthorized", exception.ReasonPhrase);
        Assert.Equal("get_item (GET /items/{id}) answered 401 Unauthorized.", exception.Message);
        Assert.DoesNotContain(jwt, exception.Content, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Marker, exception.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_success_without_a_declared_response_is_returned_as_it_came()
    {
        var response = Response(204, string.Empty);

        Assert.Same(response, ApiResponseDecoder.EnsureSuccess(response, GetItem, null));
    }

    private static ApiResponse Response(int status, string body, string? reason = null) =>
        new() { StatusCode = status, ReasonPhrase = reason, ContentType = "application/json", Body = Encoding.UTF8.GetBytes(body) };
}
