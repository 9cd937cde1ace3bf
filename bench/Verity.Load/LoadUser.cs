namespace Verity.Load;

/// <summary>A signed-in user of the load run: a Clerk user with an active session, and a session token for calling the API directly.</summary>
internal sealed record LoadUser(string UserId, string SessionId, string DirectSessionToken);
