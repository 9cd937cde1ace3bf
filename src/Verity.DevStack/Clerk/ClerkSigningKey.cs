using System.Buffers.Text;
using System.Security.Cryptography;

namespace Verity.DevStack.Clerk;

/// <summary>One RSA-2048 key with its <c>kid</c> and its public JWK.</summary>
internal sealed class ClerkSigningKey : IDisposable
{
    // One RSA key per process for emulators that opt in to ReuseSigningKeyMaterial: generating 2048-bit keys is the
    // bulk of an emulator's start-up, and test suites start hundreds.
    private static readonly Lazy<RSA> SharedRsa = new(() => RSA.Create(2048));

    private readonly RSA _rsa;
    private readonly bool _ownsRsa;

    private ClerkSigningKey(string keyId, RSA rsa, bool ownsRsa)
    {
        KeyId = keyId;
        _rsa = rsa;
        _ownsRsa = ownsRsa;
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

    /// <summary>A key with fresh RSA material and a fresh <c>kid</c>.</summary>
    public static ClerkSigningKey Create() => new(ClerkIds.New("ins"), RSA.Create(2048), ownsRsa: true);

    /// <summary>A key with a fresh <c>kid</c> over the process-wide RSA material.</summary>
    public static ClerkSigningKey CreateOverSharedMaterial() => new(ClerkIds.New("ins"), SharedRsa.Value, ownsRsa: false);

    /// <summary>RS256 (RSASSA-PKCS1-v1_5 with SHA-256) over <paramref name="data"/>.</summary>
    public byte[] Sign(byte[] data)
    {
        // RSA instances are not documented as safe for concurrent use; signing is cheap next to a loopback round trip.
        lock (_rsa)
        {
            return _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }

    public void Dispose()
    {
        if (_ownsRsa)
        {
            _rsa.Dispose();
        }
    }
}
