using System.Buffers.Text;
using System.Security.Cryptography;

namespace Verity.DevStack.Clerk;

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
