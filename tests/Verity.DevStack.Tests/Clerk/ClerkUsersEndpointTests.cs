using System.Net;
using System.Text.Json;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk;

public sealed class ClerkUsersEndpointTests(ClerkEmulatorFixture fixture) : SharedClerkEmulatorTests(fixture)
{
    [Fact]
    public async Task Lists_seeded_users_as_a_bare_array_newest_first()
    {
        var response = await Client.GetAsync("/v1/users");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal(JsonValueKind.Array, response.Json.ValueKind);
        var ids = response.Json.EnumerateArray().Select(u => u.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(
            [ClerkEmulatorSeed.DaveUserId, ClerkEmulatorSeed.CarolUserId, ClerkEmulatorSeed.BobUserId, ClerkEmulatorSeed.AliceUserId],
            ids);
    }

    [Fact]
    public async Task A_user_has_clerks_shape()
    {
        var response = await Client.GetAsync("/v1/users?user_id=" + ClerkEmulatorSeed.AliceUserId);

        var user = Assert.Single(response.Json.EnumerateArray());
        Assert.Equal("user", user.GetProperty("object").GetString());
        Assert.StartsWith("user_", user.GetProperty("id").GetString());
        Assert.Equal("Alice", user.GetProperty("first_name").GetString());
        Assert.Equal("Anders", user.GetProperty("last_name").GetString());
        var email = Assert.Single(user.GetProperty("email_addresses").EnumerateArray());
        Assert.Equal("email_address", email.GetProperty("object").GetString());
        Assert.Equal(ClerkEmulatorSeed.AliceEmail, email.GetProperty("email_address").GetString());
        Assert.Equal(email.GetProperty("id").GetString(), user.GetProperty("primary_email_address_id").GetString());
        Assert.Equal("verified", email.GetProperty("verification").GetProperty("status").GetString());
        var phone = Assert.Single(user.GetProperty("phone_numbers").EnumerateArray());
        Assert.Matches(@"^\+1\d{3}55501\d{2}$", phone.GetProperty("phone_number").GetString());
        Assert.Equal(Start.AddDays(-4).ToUnixTimeMilliseconds(), user.GetProperty("created_at").GetInt64());
        Assert.Equal(JsonValueKind.Number, user.GetProperty("updated_at").ValueKind);
        Assert.Equal(JsonValueKind.Object, user.GetProperty("public_metadata").ValueKind);
        Assert.Equal(JsonValueKind.Null, user.GetProperty("username").ValueKind);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("order_by=shoe_size", "order_by")]
    public async Task Invalid_query_values_are_422_form_param_value_invalid(string query, string paramName)
    {
        var response = await Client.GetAsync("/v1/users?" + query);

        var error = response.AssertClerkError(HttpStatusCode.UnprocessableEntity, "form_param_value_invalid");
        Assert.Equal(paramName, error.GetProperty("meta").GetProperty("param_name").GetString());
    }

    [Fact]
    public async Task Limit_accepts_the_bounds()
    {
        Assert.Equal(1, (await Client.GetAsync("/v1/users?limit=1")).Json.GetArrayLength());
        Assert.Equal(4, (await Client.GetAsync("/v1/users?limit=500")).Json.GetArrayLength());
    }

    [Fact]
    public async Task Email_address_filter_is_repeatable_and_case_insensitive()
    {
        var response = await Client.GetAsync("/v1/users?email_address=BOB@example.com&email_address=dave@example.com");

        var ids = response.Json.EnumerateArray().Select(u => u.GetProperty("id").GetString()!).ToArray();
        Assert.Equal([ClerkEmulatorSeed.DaveUserId, ClerkEmulatorSeed.BobUserId], ids);
    }

    [Fact]
    public async Task User_id_filter_is_repeatable_and_unknown_ids_give_an_empty_array()
    {
        var both = await Client.GetAsync($"/v1/users?user_id={ClerkEmulatorSeed.CarolUserId}&user_id={ClerkEmulatorSeed.AliceUserId}");
        var none = await Client.GetAsync("/v1/users?user_id=user_nobody");

        Assert.Equal(2, both.Json.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.Equal("[]", none.Body);
    }

    [Fact]
    public async Task Order_by_ascending_created_at_lists_the_oldest_user_first()
    {
        var response = await Client.GetAsync("/v1/users?order_by=%2Bcreated_at");

        var ids = response.Json.EnumerateArray().Select(u => u.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(
            [ClerkEmulatorSeed.AliceUserId, ClerkEmulatorSeed.BobUserId, ClerkEmulatorSeed.CarolUserId, ClerkEmulatorSeed.DaveUserId],
            ids);
    }
}

public sealed class ClerkUsersPagingTests : ClerkEmulatorTestBase
{
    [Fact]
    public async Task Default_limit_is_ten_and_limit_offset_page()
    {
        for (var i = 0; i < 12; i++)
        {
            Emulator.Instance.AddUser("User", i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), $"user{i}@example.com");
        }

        var firstPage = await Client.GetAsync("/v1/users");
        var secondPage = await Client.GetAsync("/v1/users?limit=3&offset=15");

        Assert.Equal(10, firstPage.Json.GetArrayLength());
        var last = Assert.Single(secondPage.Json.EnumerateArray());
        Assert.Equal(ClerkEmulatorSeed.AliceUserId, last.GetProperty("id").GetString());
    }
}
