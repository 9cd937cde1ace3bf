using System.Security.Cryptography;
using System.Text;

namespace Verity.Mcp.Host.Configuration;

/// <summary>Hashes a catalog the way the generator does: SHA-256 of the file's text as UTF-8 (no BOM), lower-case hex.</summary>
internal static class CatalogFile
{
    public static string Sha256(string path) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(File.ReadAllText(path))));
}
