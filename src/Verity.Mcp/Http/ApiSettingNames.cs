using System.Text;

namespace Verity.Mcp.Http;

/// <summary>
/// The configuration keys one API's client reads, named like environment variables from a prefix:
/// <c>SHOP_BASE_URL</c>, <c>SHOP_TIMEOUT_SECONDS</c>, <c>SHOP_MAX_RESPONSE_BYTES</c> and, for
/// <see cref="Auth.ApiKeyAuthenticationExtensions.AddApiKeyAuthentication"/>, <c>SHOP_API_KEY</c> for the prefix <c>SHOP</c>.
/// </summary>
public sealed record ApiSettingNames(string BaseUrl, string TimeoutSeconds, string MaxResponseBytes, string ApiKey)
{
    /// <summary>The keys named where no registration says which (an unregistered API's options, a bare mapper).</summary>
    internal static ApiSettingNames Unregistered { get; } = WithPrefix("API");

    public static ApiSettingNames WithPrefix(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        return new(prefix + "_BASE_URL", prefix + "_TIMEOUT_SECONDS", prefix + "_MAX_RESPONSE_BYTES", prefix + "_API_KEY");
    }

    /// <summary>
    /// The environment-style prefix of an API name: words in upper case joined by '_' (<c>Shop</c> → <c>SHOP</c>,
    /// <c>MyShop</c> → <c>MY_SHOP</c>, <c>shop-api v2</c> → <c>SHOP_API_V2</c>).
    /// </summary>
    public static string PrefixFor(string apiName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiName);
        var prefix = new StringBuilder(apiName.Length + 4);
        var previous = '\0';
        foreach (var c in apiName)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                previous = '_';
                continue;
            }

            var wordStarts = prefix.Length > 0
                && (previous == '_' || (char.IsAsciiLetterUpper(c) && (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous))));
            if (wordStarts)
            {
                prefix.Append('_');
            }

            prefix.Append(char.ToUpperInvariant(c));
            previous = c;
        }

        if (prefix.Length == 0)
        {
            throw new ArgumentException($"The API name '{apiName}' has no letter or digit to name its settings with.", nameof(apiName));
        }

        return char.IsAsciiDigit(prefix[0]) ? "API_" + prefix : prefix.ToString();
    }
}
