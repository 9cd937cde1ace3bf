namespace Verity.Mcp.Auth;

/// <summary>
/// Whose session a <see cref="ClerkTokenManager"/> mints tokens for: the configured user (one manager per process)
/// or one signed-in user (one manager per user). The manager's caching, renewal and 401 rules do not depend on which.
/// </summary>
internal interface IClerkSessionSelector
{
    /// <summary>The first selection, made by the manager's first mint (and afresh by <c>InspectAsync</c>).</summary>
    Task<ClerkSubject> SelectAsync(CancellationToken cancellationToken);

    /// <summary>Another session of the same user, after Clerk said <paramref name="current"/>'s session is gone.</summary>
    Task<ClerkSubject> SelectSessionOfSameUserAsync(ClerkSubject current, CancellationToken cancellationToken);
}
