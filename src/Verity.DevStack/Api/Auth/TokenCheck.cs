namespace Verity.DevStack.Api.Auth;

/// <summary>The result of verifying one session token; holds the claims the API uses, never the token.</summary>
public sealed record TokenCheck(AuthOutcome Outcome, string? Subject = null, string? SessionId = null, string? KeyId = null, string? Reason = null)
{
    public bool IsValid => Outcome == AuthOutcome.Accepted;

    public static TokenCheck Fail(AuthOutcome outcome, string reason, string? keyId = null) => new(outcome, KeyId: keyId, Reason: reason);
}
