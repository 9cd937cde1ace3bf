using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Verity.Mcp.Host.Configuration;

/// <summary>Hashes a catalog the way the generator does: SHA-256 of the file's text as UTF-8 (no BOM), lower-case hex.</summary>
internal static class CatalogFile
{
    /// <summary>Far above any real catalog; stops a path such as /dev/zero from being read until memory runs out.</summary>
    internal const int MaxChars = 16 * 1024 * 1024;

    /// <exception cref="IOException">The file cannot be read, or is too large to be a catalog.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read, or the path is a directory.</exception>
    public static string Sha256(string path)
    {
        // The same decoding as File.ReadAllText (UTF-8 unless a byte-order mark says otherwise), with a size limit.
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = new StringBuilder();
        var buffer = new char[64 * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (text.Length + read > MaxChars)
            {
                throw new IOException(string.Create(CultureInfo.InvariantCulture, $"it is larger than {MaxChars / (1024 * 1024)} M characters, far more than a catalog"));
            }

            text.Append(buffer, 0, read);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
