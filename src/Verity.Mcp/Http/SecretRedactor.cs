using System.Text.RegularExpressions;

namespace Verity.Mcp.Http;

/// <summary>
/// Last line of defence for text that reaches a tool result from elsewhere (an exception message, an API's error
/// body): anything shaped like a JWT or a Clerk secret key is replaced before the assistant sees it.
/// </summary>
internal static partial class SecretRedactor
{
    public static string Redact(string text) =>
        string.IsNullOrEmpty(text) ? text : SecretPattern().Replace(text, "[redacted]");

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*|\b(?:sk|pk|ak|mt)_(?:test|live)_[A-Za-z0-9_-]+|\b[Bb]earer\s+[A-Za-z0-9._~+/=-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex SecretPattern();
}
