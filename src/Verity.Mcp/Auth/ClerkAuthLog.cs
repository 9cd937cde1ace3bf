using Microsoft.Extensions.Logging;

namespace Verity.Mcp.Auth;

/// <summary>
/// Every log line of the Clerk authentication. A token is named by its sid, exp and a short hash of its text,
/// never by the text itself; the secret key never appears.
/// </summary>
internal static partial class ClerkAuthLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug,
        Message = "Minted a Clerk session token sid={SessionId} exp={ExpiresAt:O} hash={Fingerprint}; served until {RefreshAt:O}, then renewed ahead of expiry.")]
    public static partial void TokenMinted(this ILogger logger, string sessionId, DateTimeOffset expiresAt, string fingerprint, DateTimeOffset refreshAt);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug,
        Message = "Renewing the Clerk session token sid={SessionId} hash={Fingerprint} ahead of its expiry at {ExpiresAt:O}; callers keep using it meanwhile.")]
    public static partial void RefreshAheadStarted(this ILogger logger, string sessionId, string fingerprint, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "Could not mint a Clerk session token: {Reason}")]
    public static partial void MintFailed(this ILogger logger, string reason, Exception exception);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information,
        Message = "The API rejected the Clerk session token sid={SessionId} exp={ExpiresAt:O} hash={Fingerprint} with 401; getting a fresh token and resending the request once.")]
    public static partial void TokenRejected(this ILogger logger, string sessionId, DateTimeOffset expiresAt, string fingerprint);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning,
        Message = "The API rejected the fresh Clerk session token sid={SessionId} hash={Fingerprint} too (401); returning the 401.")]
    public static partial void FreshTokenRejected(this ILogger logger, string sessionId, string fingerprint);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning,
        Message = "Clerk session {SessionId} is gone ({Status} on the token call); selecting a session of the same user again and retrying once.")]
    public static partial void SessionGone(this ILogger logger, string sessionId, int status);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning,
        Message = "Clerk rate-limited {Operation} (429); retrying in {Delay} (attempt {Attempt} of {MaxAttempts}).")]
    public static partial void RateLimited(this ILogger logger, string operation, TimeSpan delay, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning,
        Message = "No Clerk user is pinned, so the server acts as the oldest user of this Clerk instance: {UserId} ({Email}). Set CLERK_USER_ID={UserId} (or CLERK_USER_EMAIL) in the MCP server's env to pin a user.")]
    public static partial void OldestUserSelected(this ILogger logger, string userId, string email);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information,
        Message = "Using Clerk session {SessionId} of user {UserId} (chosen by {Source}).")]
    public static partial void SessionSelected(this ILogger logger, string sessionId, string userId, ClerkSubjectSource source);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information,
        Message = "Created Clerk session {SessionId} for user {UserId} because CLERK_CREATE_SESSION=true and the user had no active session.")]
    public static partial void SessionCreated(this ILogger logger, string sessionId, string userId);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning,
        Message = "Legacy API-key mode: CLERK_SECRET_KEY is not set, so requests carry VERITY_API_KEY as their bearer token. Set CLERK_SECRET_KEY to use Clerk session tokens.")]
    public static partial void LegacyModeInUse(this ILogger logger);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning,
        Message = "This machine's clock differs from Clerk's by {Skew}; token expiry is timed from when the token arrived instead of its exp claim. Sync the clock (NTP) to silence this.")]
    public static partial void ClockSkewDetected(this ILogger logger, TimeSpan skew);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Debug,
        Message = "Dropped the cached Clerk session token sid={SessionId} hash={Fingerprint}.")]
    public static partial void TokenInvalidated(this ILogger logger, string sessionId, string fingerprint);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Warning,
        Message = "The API rejects valid Clerk session tokens: it refused the freshly minted token sid={SessionId} hash={Fingerprint} too. No new token is minted on a 401 for the next {Backoff}; check that the API trusts this Clerk instance.")]
    public static partial void FreshTokensRejected(this ILogger logger, string sessionId, string fingerprint, TimeSpan backoff);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Debug,
        Message = "Kept the Clerk session token sid={SessionId} hash={Fingerprint} despite a 401: the API refused a fresh token moments ago, so a new one would not help.")]
    public static partial void ForcedRenewalPaused(this ILogger logger, string sessionId, string fingerprint);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Debug,
        Message = "Caching Clerk session tokens for signed-in user {UserId} ({CachedUsers} users cached).")]
    public static partial void SignedInUserCached(this ILogger logger, string userId, int cachedUsers);

    [LoggerMessage(EventId = 3017, Level = LogLevel.Debug,
        Message = "Dropped the cached Clerk session tokens of user {UserId}, idle for {IdleFor}.")]
    public static partial void IdleSignedInUserEvicted(this ILogger logger, string userId, TimeSpan idleFor);

    [LoggerMessage(EventId = 3018, Level = LogLevel.Information,
        Message = "Dropped the cached Clerk session tokens of user {UserId}, the least recently active of {MaxCachedUsers} cached users (CLERK_MAX_CACHED_USERS), to make room for another user.")]
    public static partial void SignedInUserEvictedForRoom(this ILogger logger, string userId, int maxCachedUsers);

    [LoggerMessage(EventId = 3019, Level = LogLevel.Information,
        Message = "Signed-in user {UserId} has no active Clerk session, so no session token can be minted for them until they sign in.")]
    public static partial void SignedInUserHasNoSession(this ILogger logger, string userId);
}
