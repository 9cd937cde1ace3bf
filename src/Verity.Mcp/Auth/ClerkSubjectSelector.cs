using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Verity.Mcp.Auth;

/// <summary>
/// Decides whose session the server acts through: <c>CLERK_SESSION_ID</c>, else the latest active session of
/// <c>CLERK_USER_ID</c>, else of <c>CLERK_USER_EMAIL</c>, else (test keys only: the options refuse a live key
/// without a pin) of the instance's oldest user, with a warning that says how to pin one. Oldest, because that
/// user does not change when someone else signs up, and is usually the developer who created the instance.
/// </summary>
public sealed class ClerkSubjectSelector : IClerkSessionSelector
{
    private readonly ClerkApiClient _clerk;
    private readonly ClerkOptions _options;
    private readonly ILogger _logger;

    public ClerkSubjectSelector(ClerkApiClient clerk, IOptions<ClerkOptions> options, ILogger<ClerkSubjectSelector> logger)
    {
        _clerk = clerk;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<ClerkSubject> SelectAsync(CancellationToken cancellationToken)
    {
        if (_options.SessionId is { } pinnedSession)
        {
            return new ClerkSubject(pinnedSession, UserId: null, Email: null, ClerkSubjectSource.SessionId);
        }

        var (user, source) = await SelectUserAsync(cancellationToken).ConfigureAwait(false);
        var sessionId = await SelectSessionAsync(user.Id, user.PrimaryEmail, cancellationToken).ConfigureAwait(false);
        _logger.SessionSelected(sessionId, user.Id, source);
        return new ClerkSubject(sessionId, user.Id, user.PrimaryEmail, source);
    }

    /// <summary>
    /// Another session of the user <paramref name="current"/> acts as, after its session went away: the user is
    /// never chosen again, so a sign-up, an e-mail moving between users or a new oldest user cannot switch whose
    /// data the server touches mid-run.
    /// </summary>
    public async Task<ClerkSubject> SelectSessionOfSameUserAsync(ClerkSubject current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.UserId is not { } userId)
        {
            throw new ArgumentException("A pinned session has no user to select another session of.", nameof(current));
        }

        var sessionId = await SelectSessionAsync(userId, current.Email, cancellationToken).ConfigureAwait(false);
        _logger.SessionSelected(sessionId, userId, current.Source);
        return current with { SessionId = sessionId };
    }

    private async Task<(ClerkUser User, ClerkSubjectSource Source)> SelectUserAsync(CancellationToken cancellationToken)
    {
        if (_options.UserId is { } userId)
        {
            var users = await _clerk.ListUsersAsync(userId: userId, limit: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
            return users.Count > 0
                ? (users[0], ClerkSubjectSource.UserId)
                : throw new ClerkAuthenticationException(
                    $"{ClerkConfigurationKeys.UserId} {userId} is not a user of this Clerk instance: copy the id from the Clerk dashboard's Users page, or check {ClerkConfigurationKeys.SecretKey} belongs to the right instance.");
        }

        if (_options.UserEmail is { } email)
        {
            var users = await _clerk.ListUsersAsync(emailAddress: email, limit: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
            return users.Count > 0
                ? (users[0], ClerkSubjectSource.UserEmail)
                : throw new ClerkAuthenticationException(
                    $"No user of this Clerk instance has the e-mail address {ClerkConfigurationKeys.UserEmail}={email}: sign up to {_options.AppName} with it once, or fix the address.");
        }

        var oldest = await _clerk.ListUsersAsync(limit: 1, orderBy: ClerkApiClient.OldestFirst, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (oldest.Count == 0)
        {
            throw new ClerkAuthenticationException(
                $"This Clerk instance has no users: sign up to {_options.AppName} once, or check {ClerkConfigurationKeys.SecretKey} belongs to the right instance.");
        }

        _logger.OldestUserSelected(oldest[0].Id, oldest[0].PrimaryEmail ?? "no e-mail address");
        return (oldest[0], ClerkSubjectSource.OldestUser);
    }

    private async Task<string> SelectSessionAsync(string userId, string? email, CancellationToken cancellationToken)
    {
        var sessions = await _clerk.ListActiveSessionsAsync(userId, cancellationToken).ConfigureAwait(false);
        if (LatestActiveSession(sessions, userId) is { } latest)
        {
            return latest.Id;
        }

        if (!_options.CreateSession)
        {
            throw new ClerkAuthenticationException(
                $"User {userId} ({email ?? "no e-mail address"}) has no active Clerk session: sign in to {_options.AppName} once as this user, or set {ClerkConfigurationKeys.CreateSession}=true on a development instance to let the server create one.");
        }

        var created = await _clerk.CreateSessionAsync(userId, cancellationToken).ConfigureAwait(false);
        _logger.SessionCreated(created.Id, userId);
        return created.Id;
    }

    /// <summary>The active session of <paramref name="userId"/> that was active most recently, if any.</summary>
    internal static ClerkSession? LatestActiveSession(IReadOnlyList<ClerkSession> sessions, string userId)
    {
        ClerkSession? latest = null;
        foreach (var session in sessions)
        {
            // The filters are asked for, but a list is foreign data: only an active session of this user will do.
            if (session.IsActive && session.UserId == userId && (latest is null || session.LastActiveAt > latest.LastActiveAt))
            {
                latest = session;
            }
        }

        return latest;
    }
}
