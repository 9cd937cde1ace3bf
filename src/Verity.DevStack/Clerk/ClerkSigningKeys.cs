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
    private ClerkSigningKey _current;

    /// <param name="reuseInitialMaterial">Start with the process-wide RSA material (rotations always make fresh material).</param>
    public ClerkSigningKeys(bool reuseInitialMaterial)
    {
        _current = reuseInitialMaterial ? ClerkSigningKey.CreateOverSharedMaterial() : ClerkSigningKey.Create();
    }

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
