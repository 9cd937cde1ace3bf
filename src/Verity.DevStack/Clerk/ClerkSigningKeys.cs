using System.Buffers.Text;
using System.Security.Cryptography;

namespace Verity.DevStack.Clerk;

/// <summary>
/// The instance's RS256 signing key. Rotation replaces it and drops the old key from the JWKS, so tokens signed
/// with the old key stop verifying (a verifier refetches the JWKS on an unknown <c>kid</c> and still fails).
/// </summary>
internal sealed class ClerkSigningKeys : IDisposable
{
    private readonly Lock _gate = new();

    // Retired keys are kept until disposal because a token may be signing with one while rotation happens.
    private readonly List<RSA> _retired = [];
    private SigningKey _current = SigningKey.Create();

    public string CurrentKeyId => Volatile.Read(ref _current).KeyId;

    /// <summary>The current key and its <c>kid</c>, read together so a concurrent rotation cannot mix them.</summary>
    public (string KeyId, RSA Key) Current
    {
        get
        {
            var current = Volatile.Read(ref _current);
            return (current.KeyId, current.Rsa);
        }
    }

    /// <summary>Replaces the signing key; returns the new <c>kid</c>.</summary>
    public string Rotate()
    {
        var next = SigningKey.Create();
        lock (_gate)
        {
            _retired.Add(_current.Rsa);
            Volatile.Write(ref _current, next);
        }

        return next.KeyId;
    }

    /// <summary>The public half of the current key as a JWK.</summary>
    public ClerkJsonWebKey CurrentPublicKey()
    {
        var current = Volatile.Read(ref _current);
        var parameters = current.Rsa.ExportParameters(includePrivateParameters: false);
        return new ClerkJsonWebKey(
            Use: "sig",
            Kty: "RSA",
            Kid: current.KeyId,
            Alg: "RS256",
            N: Base64Url.EncodeToString(parameters.Modulus),
            E: Base64Url.EncodeToString(parameters.Exponent));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current.Rsa.Dispose();
            foreach (var key in _retired)
            {
                key.Dispose();
            }

            _retired.Clear();
        }
    }

    private sealed record SigningKey(string KeyId, RSA Rsa)
    {
        public static SigningKey Create() => new(ClerkIds.New("ins"), RSA.Create(2048));
    }
}
