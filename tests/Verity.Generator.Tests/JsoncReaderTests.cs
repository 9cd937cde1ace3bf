using Verity.Generator.Json;

namespace Verity.Generator.Tests;

public sealed class JsoncReaderTests
{
    [Fact]
    public void Reads_comments_trailing_commas_and_positions()
    {
        var text = "// head\n{ /* c */ \"a\": [1, 2.5e3, \"x\\u00e9\\n\",], \"b\": { \"c\": true, }, }";
        var root = Assert.IsType<JObject>(JsoncReader.Parse(text));
        var array = Assert.IsType<JArray>(root.Get("a"));
        Assert.Equal(3, array.Items.Count);
        Assert.Equal("2.5e3", Assert.IsType<JNumber>(array.Items[1]).Text);
        Assert.Equal("xé\n", Assert.IsType<JString>(array.Items[2]).Value);
        Assert.True(Assert.IsType<JBool>(Assert.IsType<JObject>(root.Get("b")).Get("c")).Value);
        Assert.Equal(text.IndexOf('[', StringComparison.Ordinal), array.Start);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\" 1}")]
    [InlineData("[1 2]")]
    [InlineData("\"abc")]
    [InlineData("{\"a\": tru}")]
    [InlineData("{\"a\": 01}")]
    [InlineData("{\"a\": -}")]
    [InlineData("{\"a\": \"\\q\"}")]
    [InlineData("/* open")]
    [InlineData("{} x")]
    [InlineData("{\"a\": \"\\u12\"}")]
    public void Rejects_malformed_text_with_an_offset(string text)
    {
        var exception = Assert.Throws<JsoncException>(() => JsoncReader.Parse(text));
        Assert.InRange(exception.Offset, 0, text.Length);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);
        Assert.Throws<JsoncException>(() => JsoncReader.Parse(text));
    }
}
