using System.Text.Json;

namespace Verity.DevStack.Tests.Api;

public sealed class SampleApiCallProgressTests(ApiStackFixture fixture) : IClassFixture<ApiStackFixture>
{
    private readonly ApiStack _stack = fixture.Fresh();

    [Fact]
    public async Task A_test_call_moves_one_stage_per_read_and_its_transcript_grows()
    {
        var callId = await StartCallAsync();

        var ringing = await _stack.GetJsonAsync($"/api/calls/{callId}");
        Assert.Equal("ringing", ringing.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, ringing.GetProperty("startedAt").ValueKind);

        var live = await _stack.GetJsonAsync($"/api/calls/{callId}/transcript");
        Assert.Equal("in_progress", live.GetProperty("status").GetString());
        Assert.Equal(2, live.GetProperty("turns").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, live.GetProperty("summary").ValueKind);

        var done = await _stack.GetJsonAsync($"/api/calls/{callId}/transcript");
        Assert.Equal("completed", done.GetProperty("status").GetString());
        var turns = done.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal(5, turns.Count);
        Assert.Contains("Sam", turns[0].GetProperty("text").GetString());
        Assert.False(string.IsNullOrEmpty(done.GetProperty("summary").GetString()));

        var call = await _stack.GetJsonAsync($"/api/calls/{callId}");
        Assert.Equal("completed", call.GetProperty("status").GetString());
        Assert.Equal(15, call.GetProperty("durationSeconds").GetInt32());
        Assert.True(call.GetProperty("isTest").GetBoolean());
        Assert.Equal("+15550101", call.GetProperty("fromNumber").GetString());
    }

    [Fact]
    public async Task Listing_calls_does_not_move_them()
    {
        var callId = await StartCallAsync();
        await _stack.GetJsonAsync("/api/calls");
        await _stack.GetJsonAsync("/api/calls");
        var listed = await _stack.GetJsonAsync("/api/calls?status=queued&limit=100");
        Assert.Contains(callId, listed.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task With_a_step_interval_a_call_also_moves_with_the_clock()
    {
        await using var stack = await ApiStack.StartAsync(o => o.CallStepInterval = TimeSpan.FromSeconds(5));
        using var started = await stack.SendAsync(HttpMethod.Post, "/api/calls/agents/agt_01/test", """{"phoneNumber":"+15550100"}""");
        var callId = (await ApiStack.ReadJsonAsync(started, 201)).GetProperty("id").GetString();

        stack.Time.Advance(TimeSpan.FromSeconds(10));
        var listed = await stack.GetJsonAsync("/api/calls?status=in_progress");
        Assert.Equal(callId, Assert.Single(listed.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Hanging_up_ends_a_ringing_call_once()
    {
        var callId = await StartCallAsync();
        await _stack.GetJsonAsync($"/api/calls/{callId}");

        using var first = await _stack.SendAsync(HttpMethod.Post, $"/api/calls/{callId}/hangup");
        var canceled = await ApiStack.ReadJsonAsync(first, 200);
        Assert.Equal("canceled", canceled.GetProperty("status").GetString());
        Assert.Equal(_stack.Time.GetUtcNow(), canceled.GetProperty("endedAt").GetDateTimeOffset());

        using var second = await _stack.SendAsync(HttpMethod.Post, $"/api/calls/{callId}/hangup");
        Assert.Equal(canceled.ToString(), (await ApiStack.ReadJsonAsync(second, 200)).ToString());

        var after = await _stack.GetJsonAsync($"/api/calls/{callId}");
        Assert.Equal("canceled", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Hanging_up_a_live_call_completes_it_with_the_turns_so_far()
    {
        var callId = await StartCallAsync();
        await _stack.GetJsonAsync($"/api/calls/{callId}");
        await _stack.GetJsonAsync($"/api/calls/{callId}");
        _stack.Time.Advance(TimeSpan.FromSeconds(7));

        using var response = await _stack.SendAsync(HttpMethod.Post, $"/api/calls/{callId}/hangup");
        var call = await ApiStack.ReadJsonAsync(response, 200);
        Assert.Equal("completed", call.GetProperty("status").GetString());
        Assert.Equal(7, call.GetProperty("durationSeconds").GetInt32());

        var transcript = await _stack.GetJsonAsync($"/api/calls/{callId}/transcript");
        Assert.Equal(2, transcript.GetProperty("turns").GetArrayLength());
    }

    [Fact]
    public async Task Hanging_up_an_unknown_call_is_404()
    {
        using var response = await _stack.SendAsync(HttpMethod.Post, "/api/calls/call_4242/hangup");
        Assert.Equal("not_found", await ApiStack.ErrorCodeAsync(response, 404));
    }

    private async Task<string> StartCallAsync()
    {
        using var response = await _stack.SendAsync(HttpMethod.Post, "/api/calls/agents/agt_01/test", """{"phoneNumber":"+15550100","contactName":"Sam"}""");
        var call = await ApiStack.ReadJsonAsync(response, 201);
        Assert.Equal("queued", call.GetProperty("status").GetString());
        Assert.Equal($"/api/calls/{call.GetProperty("id").GetString()}", response.Headers.Location?.ToString());
        return call.GetProperty("id").GetString()!;
    }
}
