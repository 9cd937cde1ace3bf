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

    // Retired keys stay alive until disposal: a token being built during a rotation still signs with its snapshot.
    private readonly List<ClerkSigningKey> _retired = [];
    private ClerkSigningKey _current = ClerkSigningKey.Create();

    /// <summary>The key new tokens are signed with; take it once per token so <c>kid</c> and signature agree.</summary>
    public ClerkSigningKey Current => Volatile.Read(ref _current);

    public string CurrentKeyId => Current.KeyId;

    /// <summary>Replaces the signing key; returns the new <c>kid</c>.</summary>
    public string Rotate()
    {
        var next = ClerkSigningKey.Create();
        lock (_gate)
        {
            _retired.Add(_current);
            Volatile.Write(ref _current, next);
        }

        return next.KeyId;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current.Dispose();
            foreach (var key in _retired)
            {
                key.Dispose();
            }

            _retired.Clear();
        }
    }
}

/// <summary>One RSA-2048 key with its <c>kid</c> and its public JWK.</summary>
internal sealed class ClerkSigningKey : IDisposable
{
    private readonly RSA _rsa;

    private ClerkSigningKey(string keyId, RSA rsa)
    {
        KeyId = keyId;
        _rsa = rsa;
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        PublicKey = new ClerkJsonWebKey(
            Use: "sig",
            Kty: "RSA",
            Kid: keyId,
            Alg: "RS256",
            N: Base64Url.EncodeToString(parameters.Modulus),
            E: Base64Url.EncodeToString(parameters.Exponent));
    }

    public string KeyId { get; }

    public ClerkJsonWebKey PublicKey { get; }

    public static ClerkSigningKey Create() => new(ClerkIds.New("ins"), RSA.Create(2048));

    /// <summary>RS256 (RSASSA-PKCS1-v1_5 with SHA-256) over <paramref name="data"/>.</summary>
    public byte[] Sign(byte[] data)
    {
        // RSA instances are not documented as safe for concurrent use; signing is cheap next to a loopback round trip.
        lock (_rsa)
        {
            return _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }

    public void Dispose() => _rsa.Dispose();
}
