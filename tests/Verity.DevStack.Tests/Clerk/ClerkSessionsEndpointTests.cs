using System.Net;
using System.Text.Json;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk;

public sealed class ClerkSessionsEndpointTests(ClerkEmulatorFixture fixture) : SharedClerkEmulatorTests(fixture)
{
    [Fact]
    public async Task Lists_a_users_active_sessions_as_a_bare_array_newest_first()
    {
        var response = await Client.GetAsync($"/v1/sessions?user_id={ClerkEmulatorSeed.BobUserId}&status=active");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(JsonValueKind.Array, response.Json.ValueKind);
        var ids = response.Json.EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray();

        // Newest created first; the most recently active one is second, so a client must pick by last_active_at.
        Assert.Equal([ClerkEmulatorSeed.BobOlderSessionId, ClerkEmulatorSeed.BobRecentSessionId], ids);
        var lastActive = response.Json.EnumerateArray().Select(s => s.GetProperty("last_active_at").GetInt64()).ToArray();
        Assert.True(lastActive[1] > lastActive[0]);
    }

    [Fact]
    public async Task A_session_has_clerks_shape()
    {
        var response = await Client.GetAsync($"/v1/sessions?user_id={ClerkEmulatorSeed.AliceUserId}&status=active");

        var session = Assert.Single(response.Json.EnumerateArray());
        Assert.Equal("session", session.GetProperty("object").GetString());
        Assert.Equal(ClerkEmulatorSeed.AliceSessionId, session.GetProperty("id").GetString());
        Assert.Equal(ClerkEmulatorSeed.AliceUserId, session.GetProperty("user_id").GetString());
        Assert.StartsWith("client_", session.GetProperty("client_id").GetString());
        Assert.Equal("active", session.GetProperty("status").GetString());
        foreach (var name in new[] { "last_active_at", "expire_at", "abandon_at", "created_at", "updated_at" })
        {
            Assert.Equal(JsonValueKind.Number, session.GetProperty(name).ValueKind);
        }

        Assert.Equal(Start.AddHours(-2).AddDays(7).ToUnixTimeMilliseconds(), session.GetProperty("expire_at").GetInt64());
    }

    [Fact]
    public async Task Paginated_form_wraps_the_page_with_the_total_count()
    {
        var response = await Client.GetAsync($"/v1/sessions?user_id={ClerkEmulatorSeed.BobUserId}&paginated=true&limit=1");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(2, response.Json.GetProperty("total_count").GetInt32());
        Assert.Single(response.Json.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Without_a_status_filter_every_session_of_the_user_is_listed()
    {
        var response = await Client.GetAsync($"/v1/sessions?user_id={ClerkEmulatorSeed.DaveUserId}");

        var session = Assert.Single(response.Json.EnumerateArray());
        Assert.Equal("ended", session.GetProperty("status").GetString());
        var active = await Client.GetAsync($"/v1/sessions?user_id={ClerkEmulatorSeed.DaveUserId}&status=active");
        Assert.Equal("[]", active.Body);
    }

    [Fact]
    public async Task Client_id_filter_works_alone()
    {
        var clientId = Emulator.Instance.FindSession(ClerkEmulatorSeed.CarolSessionId)!.ClientId;

        var response = await Client.GetAsync("/v1/sessions?client_id=" + clientId);

        Assert.Equal(ClerkEmulatorSeed.CarolSessionId, Assert.Single(response.Json.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Limit_and_offset_page_the_list()
    {
        var response = await Client.GetAsync($"/v1/sessions?user_id={ClerkEmulatorSeed.BobUserId}&limit=1&offset=1");

        Assert.Equal(ClerkEmulatorSeed.BobRecentSessionId, Assert.Single(response.Json.EnumerateArray()).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("paginated=yes")]
    public async Task Invalid_paging_values_are_422_form_param_value_invalid(string query)
    {
        var response = await Client.GetAsync($"/v1/sessions?user_id={ClerkEmulatorSeed.BobUserId}&{query}");

        response.AssertClerkError(HttpStatusCode.UnprocessableEntity, "form_param_value_invalid");
    }

    [Fact]
    public async Task Neither_user_id_nor_client_id_is_422_form_param_missing()
    {
        var response = await Client.GetAsync("/v1/sessions?status=active");

        response.AssertClerkError(HttpStatusCode.UnprocessableEntity, "form_param_missing");
    }

    [Fact]
    public async Task An_unknown_status_is_422_form_param_value_invalid()
    {
        var response = await Client.GetAsync($"/v1/sessions?user_id={ClerkEmulatorSeed.AliceUserId}&status=sleeping");

        response.AssertClerkError(HttpStatusCode.UnprocessableEntity, "form_param_value_invalid");
    }
}

public sealed class ClerkSessionStateTests : ClerkEmulatorTestBase
{
    [Fact]
    public async Task Revoked_sessions_leave_the_active_list()
    {
        Emulator.RevokeSession(ClerkEmulatorSeed.AliceSessionId);

        var active = await Client.GetAsync($"/v1/sessions?user_id={ClerkEmulatorSeed.AliceUserId}&status=active");
        var revoked = await Client.GetAsync($"/v1/sessions?user_id={ClerkEmulatorSeed.AliceUserId}&status=revoked");

        Assert.Equal("[]", active.Body);
        Assert.Equal(ClerkEmulatorSeed.AliceSessionId, Assert.Single(revoked.Json.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_active_session_past_expire_at_reports_expired()
    {
        Time.Advance(TimeSpan.FromDays(7));

        var response = await Client.GetAsync($"/v1/sessions?user_id={ClerkEmulatorSeed.AliceUserId}&status=expired");

        Assert.Equal(ClerkEmulatorSeed.AliceSessionId, Assert.Single(response.Json.EnumerateArray()).GetProperty("id").GetString());
    }
}
