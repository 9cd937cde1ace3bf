using System.Security.Cryptography;

namespace Verity.DevStack.Api.Auth;

/// <summary>Where the verifier finds the public key for a token's <c>kid</c>.</summary>
internal interface ISigningKeySource
{
    /// <summary>The key, or null when the issuer does not have it.</summary>
    Task<RSA?> FindAsync(string keyId, CancellationToken cancellationToken);
}
