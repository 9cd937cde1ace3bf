using System.Net;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk;

public sealed class ClerkCreateSessionTests : ClerkEmulatorTestBase
{
    [Fact]
    public async Task Development_instance_creates_an_active_session()
    {
        var response = await Client.PostAsync("/v1/sessions", $$"""{"user_id":"{{ClerkEmulatorSeed.DaveUserId}}"}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("session", response.Json.GetProperty("object").GetString());
        Assert.Equal("active", response.Json.GetProperty("status").GetString());
        Assert.Equal(ClerkEmulatorSeed.DaveUserId, response.Json.GetProperty("user_id").GetString());
        var id = response.Json.GetProperty("id").GetString();
        Assert.Matches("^sess_[0-9A-Za-z]{27}$", id);
        var active = await Client.GetAsync($"/v1/sessions?user_id={ClerkEmulatorSeed.DaveUserId}&status=active");
        Assert.Equal(id, Assert.Single(active.Json.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(1, Emulator.Instance.SessionsCreated);
    }

    [Fact]
    public async Task Missing_user_id_is_422_form_param_missing()
    {
        var response = await Client.PostAsync("/v1/sessions", "{}");

        var error = response.AssertClerkError(HttpStatusCode.UnprocessableEntity, "form_param_missing");
        Assert.Equal("user_id", error.GetProperty("meta").GetProperty("param_name").GetString());
    }

    [Fact]
    public async Task Unknown_user_is_404_resource_not_found()
    {
        var response = await Client.PostAsync("/v1/sessions", """{"user_id":"user_nobody"}""");

        response.AssertClerkError(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Theory]
    [InlineData("""{"user_id":""")]
    [InlineData("""{"user_id":42}""")]
    [InlineData("""["user_id"]""")]
    public async Task Malformed_json_or_a_non_string_user_id_is_400_request_body_invalid(string body)
    {
        var response = await Client.PostAsync("/v1/sessions", body);

        response.AssertClerkError(HttpStatusCode.BadRequest, "request_body_invalid");
    }
}

public sealed class ClerkCreateSessionOnProductionTests : ClerkEmulatorTestBase
{
    protected override void Configure(ClerkEmulatorOptions options) => options.InstanceType = ClerkInstanceType.Production;

    [Fact]
    public async Task Production_instance_answers_400()
    {
        var response = await Client.PostAsync("/v1/sessions", $$"""{"user_id":"{{ClerkEmulatorSeed.DaveUserId}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        response.AssertClerkError(HttpStatusCode.BadRequest, "operation_not_allowed_on_production_instance");
        Assert.Equal(0, Emulator.Instance.SessionsCreated);
    }

    [Fact]
    public void Production_keys_are_live_keys()
    {
        Assert.StartsWith("sk_live_", Emulator.SecretKey);
    }
}
