namespace Verity.DevStack.Clerk;

/// <summary>
/// The deterministic users and sessions an emulator starts with (when <see cref="ClerkEmulatorOptions.Seed"/> is on).
/// Alice signed up first and Dave last, so Alice is the oldest user (the one a client that falls back to the oldest
/// user acts as) and Clerk's default newest-first listing is Dave, Carol, Bob, Alice. Alice, Bob and Carol each have an
/// active session (Bob has two; <see cref="BobRecentSessionId"/> was active most recently); Dave only has an
/// ended session. Times are relative to the clock at start.
/// </summary>
public static class ClerkEmulatorSeed
{
    public const string AliceUserId = "user_2pAliceSeedUser000000000001";
    public const string AliceEmail = "alice@example.com";
    public const string AliceSessionId = "sess_2pAliceSeedSession000000001";
    public const string AliceEndedSessionId = "sess_2pAliceSeedSession000000002";

    public const string BobUserId = "user_2pBobSeedUser00000000000002";
    public const string BobEmail = "bob@example.com";
    public const string BobRecentSessionId = "sess_2pBobSeedSession0000000001";
    public const string BobOlderSessionId = "sess_2pBobSeedSession0000000002";

    public const string CarolUserId = "user_2pCarolSeedUser0000000000003";
    public const string CarolEmail = "carol@example.com";
    public const string CarolSessionId = "sess_2pCarolSeedSession00000001";

    public const string DaveUserId = "user_2pDaveSeedUser000000000004";
    public const string DaveEmail = "dave@example.com";
    public const string DaveEndedSessionId = "sess_2pDaveSeedSession000000001";

    /// <summary>How long a new session lives before it expires (Clerk's default is 7 days).</summary>
    internal static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(7);

    /// <summary>How long until an inactive session is abandoned (Clerk's default is 30 days).</summary>
    internal static readonly TimeSpan SessionAbandonAfter = TimeSpan.FromDays(30);

    internal static IReadOnlyList<ClerkUser> Users(DateTimeOffset now) =>
    [
        User(AliceUserId, "Alice", "Anders", AliceEmail, "+12015550101", now.AddDays(-4)),
        User(BobUserId, "Bob", "Baker", BobEmail, "+12015550102", now.AddDays(-3)),
        User(CarolUserId, "Carol", "Chen", CarolEmail, "+12015550103", now.AddDays(-2)),
        User(DaveUserId, "Dave", "Dunn", DaveEmail, "+12015550104", now.AddDays(-1)),
    ];

    internal static IReadOnlyList<ClerkSession> Sessions(DateTimeOffset now) =>
    [
        Session(AliceSessionId, AliceUserId, "client_2pAliceSeedClient0000000001", ClerkSessionStatus.Active, now.AddHours(-2), now.AddMinutes(-1)),
        Session(AliceEndedSessionId, AliceUserId, "client_2pAliceSeedClient0000000002", ClerkSessionStatus.Ended, now.AddHours(-20), now.AddHours(-19)),
        Session(BobRecentSessionId, BobUserId, "client_2pBobSeedClient000000000001", ClerkSessionStatus.Active, now.AddHours(-5), now.AddMinutes(-2)),
        Session(BobOlderSessionId, BobUserId, "client_2pBobSeedClient000000000002", ClerkSessionStatus.Active, now.AddHours(-3), now.AddMinutes(-30)),
        Session(CarolSessionId, CarolUserId, "client_2pCarolSeedClient0000000001", ClerkSessionStatus.Active, now.AddHours(-4), now.AddMinutes(-3)),
        Session(DaveEndedSessionId, DaveUserId, "client_2pDaveSeedClient00000000001", ClerkSessionStatus.Ended, now.AddHours(-20), now.AddHours(-19)),
    ];

    private static ClerkUser User(string id, string first, string last, string email, string phone, DateTimeOffset createdAt) =>
        new(
            id,
            first,
            last,
            "idn_" + id["user_".Length..],
            email,
            "idn_phone_" + id["user_".Length..],
            phone,
            createdAt,
            createdAt.AddMinutes(5),
            createdAt.AddMinutes(1));

    private static ClerkSession Session(string id, string userId, string clientId, string status, DateTimeOffset createdAt, DateTimeOffset lastActiveAt) =>
        new(
            id,
            userId,
            clientId,
            status,
            createdAt,
            lastActiveAt,
            lastActiveAt,
            createdAt + SessionLifetime,
            createdAt + SessionAbandonAfter);
}
