using Microsoft.Extensions.Logging;

namespace Verity.Mcp.Auth;

/// <summary>
/// Selects one signed-in user's most recent active session, first and again whenever Clerk says the session in use
/// is gone. Never creates a session and never falls back to another user: a user without a session has to sign in.
/// </summary>
internal sealed class SignedInUserSessionSelector(ClerkApiClient clerk, string userId, string appName, ILogger logger) : IClerkSessionSelector
{
    public Task<ClerkSubject> SelectAsync(CancellationToken cancellationToken) => SelectLatestAsync(cancellationToken);

    public Task<ClerkSubject> SelectSessionOfSameUserAsync(ClerkSubject current, CancellationToken cancellationToken) =>
        SelectLatestAsync(cancellationToken);

    private async Task<ClerkSubject> SelectLatestAsync(CancellationToken cancellationToken)
    {
        var sessions = await clerk.ListActiveSessionsAsync(userId, cancellationToken).ConfigureAwait(false);
        if (ClerkSubjectSelector.LatestActiveSession(sessions, userId) is not { } latest)
        {
            logger.SignedInUserHasNoSession(userId);
            throw new ClerkAuthenticationException(
                $"User {userId} has no active session: sign in to {appName} once, then make the call again.");
        }

        logger.SessionSelected(latest.Id, userId, ClerkSubjectSource.SignedInUser);
        return new ClerkSubject(latest.Id, userId, Email: null, ClerkSubjectSource.SignedInUser);
    }
}
