using System.Net;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk;

public sealed class ClerkTestControlTests : ClerkEmulatorTestBase
{
    private const string AliceTokens = "/v1/sessions/" + ClerkEmulatorSeed.AliceSessionId + "/tokens";

    protected override void Configure(ClerkEmulatorOptions options) => options.EnableTestControl = true;

    [Fact]
    public async Task Faults_can_be_injected_and_cleared_over_http()
    {
        var injected = await Client.PostAsync("/__emulator/faults", """{"count":1,"status":503,"path":"/tokens"}""");
        Assert.Equal(HttpStatusCode.NoContent, injected.Status);

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/users")).Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Client.PostAsync(AliceTokens)).Status);

        await Client.PostAsync("/__emulator/faults", """{"count":5,"status":500}""");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, "/__emulator/faults", body: null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(AliceTokens)).Status);
    }

    [Fact]
    public async Task A_delay_fault_can_be_injected_over_http()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync("/__emulator/faults", """{"count":1,"delay_ms":1500}""")).Status);

        Assert.Equal(1, Emulator.Instance.PendingFaults);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), Emulator.Instance.TryTakeFault("/v1/users")!.Delay);
    }

    [Theory]
    [InlineData("""{"count":0,"status":500}""")]
    [InlineData("""{"count":1}""")]
    [InlineData("""{"count":1,"status":200}""")]
    [InlineData("""not json""")]
    public async Task A_bad_fault_request_is_400(string body)
    {
        var response = await Client.PostAsync("/__emulator/faults", body);

        response.AssertClerkError(HttpStatusCode.BadRequest, "request_body_invalid");
        Assert.Equal(0, Emulator.Instance.PendingFaults);
    }

    [Fact]
    public async Task Sessions_can_be_revoked_and_ended_over_http()
    {
        var revoked = await Client.PostAsync($"/__emulator/sessions/{ClerkEmulatorSeed.AliceSessionId}/revoke");
        var ended = await Client.PostAsync($"/__emulator/sessions/{ClerkEmulatorSeed.CarolSessionId}/end");

        Assert.Equal("revoked", revoked.Json.GetProperty("status").GetString());
        Assert.Equal("ended", ended.Json.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsync(AliceTokens)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsync("/__emulator/sessions/sess_nobody/revoke")).Status);
    }

    [Fact]
    public async Task A_session_can_be_created_over_http()
    {
        var created = await Client.PostAsync($"/__emulator/users/{ClerkEmulatorSeed.DaveUserId}/sessions");

        Assert.Equal(HttpStatusCode.OK, created.Status);
        var sessionId = created.Json.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/v1/sessions/{sessionId}/tokens")).Status);
    }

    [Fact]
    public async Task The_key_can_be_rotated_and_state_read_over_http()
    {
        await Client.PostAsync(AliceTokens);

        var rotated = await Client.PostAsync("/__emulator/keys/rotate");
        var state = await Client.GetAsync("/__emulator/state");

        var kid = rotated.Json.GetProperty("kid").GetString();
        Assert.Equal(Emulator.Instance.CurrentKeyId, kid);
        Assert.Equal(kid, state.Json.GetProperty("current_kid").GetString());
        Assert.Equal(1, state.Json.GetProperty("tokens_issued").GetInt64());
        Assert.Equal(1, state.Json.GetProperty("requests_received").GetInt64());
    }

    [Fact]
    public async Task The_rate_limit_can_be_reset_over_http()
    {
        for (var i = 0; i < 100; i++)
        {
            await Client.GetAsync("/v1/users?limit=1");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Client.GetAsync("/v1/users")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync("/__emulator/rate-limit/reset")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/users")).Status);
    }
}

public sealed class ClerkTestControlDisabledTests : ClerkEmulatorTestBase
{
    [Fact]
    public async Task The_control_surface_is_off_by_default()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsync("/__emulator/keys/rotate")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/__emulator/state")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsync("/__emulator/faults", """{"count":1,"status":500}""")).Status);
        Assert.Equal(0, Emulator.Instance.PendingFaults);
    }
}
