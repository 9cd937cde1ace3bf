using System.Text;
using System.Text.Json;
using Verity.Mcp.Http;

namespace Verity.Mcp.Tests.Results;

public sealed class ReadableJsonTests
{
    [Fact]
    public void Plus_angle_brackets_ampersand_apostrophe_accents_and_emoji_stay_literal()
    {
        // As System.Text.Json writes them by default: every one escaped.
        var escaped = JsonSerializer.Serialize(new { toNumber = "+15555550123", note = "<b>Zoë & Jürgen</b> 'hi' \U0001F600 日本" });
        Assert.Contains("\\u002B", escaped, StringComparison.Ordinal);

        var text = ReadableJson.Write(Encoding.UTF8.GetBytes(escaped));

        Assert.Equal("""{"toNumber":"+15555550123","note":"<b>Zoë & Jürgen</b> 'hi' 😀 日本"}""", text);
    }

    [Fact]
    public void Quotes_backslashes_and_control_characters_are_escaped_and_the_text_is_still_the_same_json()
    {
        var value = "quote \" backslash \\ slash / newline \n tab \t cr \r bs \b ff \f nul \0 unit \u001f del \u007f next \u0085 c1 \u009f ls \u2028 ps \u2029 end";
        var source = JsonSerializer.Serialize(new Dictionary<string, string> { [value] = value });

        var text = ReadableJson.Write(Encoding.UTF8.GetBytes(source));

        Assert.Contains("""quote \" backslash \\ slash / newline \n tab \t cr \r bs \b ff \f nul \u0000 unit \u001f del \u007f next \u0085 c1 \u009f ls \u2028 ps \u2029 end""", text, StringComparison.Ordinal);
        AssertNoRawControlCharacters(text);
        AssertSameJson(source, text);
    }

    [Fact]
    public void Whitespace_and_comments_go_and_numbers_keep_their_source_text()
    {
        var text = ReadableJson.Write("""
            // a comment
            { "a" : [ 1.50 , -0, 1e+2, true, false, null, { } , [ ] ], /* more */ "b": "" }
            """u8);

        Assert.Equal("""{"a":[1.50,-0,1e+2,true,false,null,{},[]],"b":""}""", text);
    }

    [Fact]
    public void An_escaped_lone_surrogate_becomes_a_replacement_character_and_a_pair_stays_the_character()
    {
        var text = ReadableJson.Write("""{"s":"a\ud800b\udc00","t":"\u00e9\ud83d\ude00","u\ud800":1}"""u8, redactor: null, out var changed);

        Assert.Equal("{\"s\":\"a\uFFFDb\uFFFD\",\"t\":\"é😀\",\"u\uFFFD\":1}", text);
        Assert.True(changed);
        Assert.Equal("a\uFFFDb\uFFFD", JsonDocument.Parse(text).RootElement.GetProperty("s").GetString());
        ReadableJson.Write("""{"t":"\u00e9\ud83d\ude00"}"""u8, redactor: null, out var unchanged);
        Assert.False(unchanged);
    }

    [Theory]
    [InlineData("{\"to\":\"\\u002B1555\",\"name\":\"Zo\\u00EB M", "{\"to\":\"+1555\",\"name\":\"Zo\\u00EB M")]
    [InlineData("{ \"a\" : [ 1 , 2", "{\"a\":[1, 2")]
    [InlineData("{ \"a\" : 1 , \"b\" :", "{\"a\":1,\"b\":")]
    [InlineData("[\"\\u002B\", tr", "[\"+\", tr")]
    public void Cut_json_is_readable_as_far_as_its_whole_tokens_go_and_the_rest_is_kept(string cut, string expected)
    {
        Assert.Equal(expected, ReadableJson.WriteCut(Encoding.UTF8.GetBytes(cut)));
    }

    [Fact]
    public void Cut_text_that_is_not_json_is_refused_and_a_cut_character_is_dropped()
    {
        Assert.Null(ReadableJson.WriteCut("<html><body>"u8));
        var bytes = Encoding.UTF8.GetBytes("[\"a\",\"\u20ac");
        Assert.Equal("[\"a\",\"", ReadableJson.WriteCut(bytes.AsSpan(0, bytes.Length - 1)));
    }

    [Fact]
    public void Malformed_json_is_refused()
    {
        Assert.ThrowsAny<JsonException>(() => ReadableJson.Write("""{"a":1} x"""u8));
        Assert.ThrowsAny<JsonException>(() => ReadableJson.Write("""{"a":"""u8));
        Assert.ThrowsAny<JsonException>(() => ReadableJson.Write(""u8));
    }

    [Fact]
    public void Random_strings_round_trip_with_no_raw_control_characters()
    {
        var random = new Random(20261101);
        for (var round = 0; round < 500; round++)
        {
            var value = RandomText(random);
            var source = JsonSerializer.Serialize(new[] { value, "k" + value });

            var text = ReadableJson.Write(Encoding.UTF8.GetBytes(source));

            AssertNoRawControlCharacters(text);
            Assert.Equal([value, "k" + value], JsonSerializer.Deserialize<string[]>(text)!);
        }
    }

    private const string Specials = "\"\\\u2028\u2029\u007f\u0085+<>&'";

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        var length = random.Next(0, 24);
        for (var i = 0; i < length; i++)
        {
            var pick = random.Next(6);
            var codePoint = pick switch
            {
                0 => random.Next(0, 0x20),
                1 => random.Next(0x20, 0x80),
                2 => random.Next(0x80, 0x800),
                3 => random.Next(0x800, 0xD800),
                4 => random.Next(0x10000, 0x110000),
                _ => Specials[random.Next(Specials.Length)],
            };
            text.Append(char.ConvertFromUtf32(codePoint));
        }

        return text.ToString();
    }

    private static void AssertNoRawControlCharacters(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            Assert.False(Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Control || rune.Value is 0x2028 or 0x2029,
                $"raw U+{rune.Value:X4} in {text}");
        }
    }

    private static void AssertSameJson(string expected, string actual)
    {
        using var left = JsonDocument.Parse(expected);
        using var right = JsonDocument.Parse(actual);
        Assert.True(JsonElement.DeepEquals(left.RootElement, right.RootElement), actual);
    }
}
