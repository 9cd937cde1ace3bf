namespace Verity.Mcp.Auth;

/// <summary>
/// A Clerk session token could not be obtained. The message says what to do about it; it never contains the
/// secret key or a token.
/// </summary>
public class ClerkAuthenticationException : Exception
{
    public ClerkAuthenticationException(string message)
        : base(message)
    {
    }

    public ClerkAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
