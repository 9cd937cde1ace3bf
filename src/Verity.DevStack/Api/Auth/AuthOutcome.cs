namespace Verity.DevStack.Api.Auth;

/// <summary>What the sample API concluded about a request's bearer token.</summary>
public enum AuthOutcome
{
    /// <summary>The request did not need a token (the test-control surface) or never reached the check (a fault).</summary>
    NotChecked,
    Accepted,
    MissingToken,
    Malformed,
    UnsupportedAlgorithm,
    UnknownKey,
    BadSignature,
    Expired,
    NotYetValid,
    IssuedInFuture,
    KeysUnavailable,
}
