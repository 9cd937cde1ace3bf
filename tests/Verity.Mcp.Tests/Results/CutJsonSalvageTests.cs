using System.Text;
using System.Text.Json;
using Verity.Mcp.Http;

namespace Verity.Mcp.Tests.Results;

public sealed class CutJsonSalvageTests
{
    [Fact]
    public void A_cut_list_keeps_its_whole_leading_items_and_the_properties_before_it()
    {
        var salvage = CutJsonSalvage.KeepLeadingItems("""{"total":3,"meta":{"a":[1]},"data":[{"id":"a"},{"id":"b"},{"id":"c"""u8);

        Assert.NotNull(salvage);
        Assert.Equal("""{"total":3,"meta":{"a":[1]},"data":[{"id":"a"},{"id":"b"}]}""", Encoding.UTF8.GetString(salvage.Json));
        Assert.Equal("data", salvage.ListName);
        Assert.Equal(2, salvage.ItemCount);
    }

    [Fact]
    public void A_whole_list_before_the_cut_list_is_kept_whole()
    {
        var salvage = CutJsonSalvage.KeepLeadingItems("""{"tags":["x","y"],"data":[1,2,3"""u8);

        Assert.NotNull(salvage);
        Assert.Equal("""{"tags":["x","y"],"data":[1,2]}""", Encoding.UTF8.GetString(salvage.Json));
    }

    [Fact]
    public void A_cut_array_answer_keeps_its_whole_leading_items()
    {
        var salvage = CutJsonSalvage.KeepLeadingItems("""  [ "a", "b" , "c"""u8);

        Assert.NotNull(salvage);
        Assert.Equal("""[ "a", "b"]""", Encoding.UTF8.GetString(salvage.Json));
        Assert.Null(salvage.ListName);
        Assert.Equal(2, salvage.ItemCount);
    }

    [Theory]
    [InlineData("""{"name":"abc""")]
    [InlineData("""{"data":[],"notes":"abc""")]
    [InlineData("""{"data":[{"id":"a""")]
    [InlineData("""{"meta":{"data":[1,2""")]
    [InlineData("""{"data""")]
    [InlineData("""[""")]
    [InlineData("""<html>""")]
    [InlineData("""{"a":1}""")]
    [InlineData("")]
    public void Nothing_is_kept_when_the_cut_is_not_inside_a_list_or_no_item_is_whole(string cut)
    {
        Assert.Null(CutJsonSalvage.KeepLeadingItems(Encoding.UTF8.GetBytes(cut)));
    }

    [Fact]
    public void A_number_at_the_cut_may_be_incomplete_so_it_is_not_kept()
    {
        var salvage = CutJsonSalvage.KeepLeadingItems("[10,20,30"u8);

        Assert.Equal("[10,20]", Encoding.UTF8.GetString(salvage!.Json));
    }

    [Fact]
    public void Cut_at_every_byte_the_kept_items_are_the_answers_leading_items()
    {
        var items = Enumerable.Range(1, 6).Select(i => new { id = $"call_{i:0000}", to = "+1555" + i, name = i % 2 == 0 ? "Zoë 😀" : null, tags = new[] { "a\"b", "c" } }).ToArray();
        var whole = JsonSerializer.SerializeToUtf8Bytes(new { total = 6, data = items, nextCursor = "cur_7" });
        var firstItemEnd = Encoding.UTF8.GetString(whole).IndexOf("]},", StringComparison.Ordinal) + 2;

        for (var length = 0; length < whole.Length; length++)
        {
            var salvage = CutJsonSalvage.KeepLeadingItems(whole.AsSpan(0, length));
            if (salvage is null)
            {
                Assert.True(length <= firstItemEnd || length >= Encoding.UTF8.GetString(whole).IndexOf("],\"nextCursor", StringComparison.Ordinal) + 1, $"nothing kept at {length}");
                continue;
            }

            using var kept = JsonDocument.Parse(salvage.Json);
            var data = kept.RootElement.GetProperty("data");
            Assert.Equal(salvage.ItemCount, data.GetArrayLength());
            Assert.Equal(6, kept.RootElement.GetProperty("total").GetInt32());
            using var original = JsonDocument.Parse(whole);
            for (var i = 0; i < salvage.ItemCount; i++)
            {
                Assert.True(JsonElement.DeepEquals(original.RootElement.GetProperty("data")[i], data[i]), $"item {i} at {length}");
            }
        }
    }
}
