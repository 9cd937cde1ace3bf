using System.Net;
using Verity.DevStack.Clerk;

namespace Verity.DevStack.Tests.Clerk.OAuth;

/// <summary>Authorizing signs the user in: a new active session that the Backend API lists as their most recent one.</summary>
public sealed class ClerkOAuthSignInTests : OAuthEmulatorTestBase
{
    [Theory]
    [InlineData("BOB@example.com")]
    [InlineData(ClerkEmulatorSeed.BobUserId)]
    public async Task Login_hint_by_email_or_user_id_creates_the_users_most_recent_active_session(string loginHint)
    {
        var clientId = await OAuth.RegisterPublicClientAsync();
        Time.Advance(TimeSpan.FromMinutes(5));

        await OAuth.GetCodeAsync(clientId, Pkce.New(), loginHint);

        var sessions = await Client.GetAsync($"/v1/sessions?user_id={ClerkEmulatorSeed.BobUserId}&status=active");
        Assert.Equal(HttpStatusCode.OK, sessions.Status);
        var listed = sessions.Json.EnumerateArray().ToList();
        Assert.Equal(3, listed.Count);
        var newest = listed[0];
        Assert.DoesNotContain(newest.GetProperty("id").GetString(), new[] { ClerkEmulatorSeed.BobRecentSessionId, ClerkEmulatorSeed.BobOlderSessionId });
        Assert.Equal("active", newest.GetProperty("status").GetString());
        Assert.Equal(Time.GetUtcNow().ToUnixTimeMilliseconds(), newest.GetProperty("last_active_at").GetInt64());
        Assert.Equal(newest.GetProperty("id").GetString(), listed.MaxBy(s => s.GetProperty("last_active_at").GetInt64()).GetProperty("id").GetString());

        // The session is a real one: the Backend API mints session tokens for it.
        var mint = await Client.PostAsync($"/v1/sessions/{newest.GetProperty("id").GetString()}/tokens");
        Assert.Equal(HttpStatusCode.OK, mint.Status);
    }

    [Fact]
    public async Task A_user_without_an_active_session_gets_one_by_signing_in()
    {
        var clientId = await OAuth.RegisterPublicClientAsync();

        await OAuth.GetCodeAsync(clientId, Pkce.New(), ClerkEmulatorSeed.DaveEmail);

        var sessions = await Client.GetAsync($"/v1/sessions?user_id={ClerkEmulatorSeed.DaveUserId}&status=active");
        Assert.Single(sessions.Json.EnumerateArray());
    }
}
