namespace Verity.Mcp.Auth;

/// <summary>Which setting decided the session the server acts through.</summary>
public enum ClerkSubjectSource
{
    /// <summary><c>CLERK_SESSION_ID</c>.</summary>
    SessionId,

    /// <summary><c>CLERK_USER_ID</c>.</summary>
    UserId,

    /// <summary><c>CLERK_USER_EMAIL</c>.</summary>
    UserEmail,

    /// <summary>Nothing pinned (test keys only): the instance's oldest user.</summary>
    OldestUser,

    /// <summary>The user a request was authenticated as (remote mode, see <see cref="ClerkSignedInUser"/>).</summary>
    SignedInUser,
}
