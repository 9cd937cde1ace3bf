namespace Verity.Mcp.Http;

/// <summary>
/// The configured secret values <see cref="SecretRedactor"/> removes by exact value. The registrations that read a
/// secret setting add it here (the Clerk registration adds the Clerk secret key and the legacy API key).
/// </summary>
public sealed class SecretRedactionOptions
{
    public IList<string> KnownSecrets { get; } = [];
}
