using System.Globalization;
using Microsoft.Extensions.Options;

namespace Verity.Mcp.Http;

/// <summary>Checks the API settings at start; each failure is one line naming the setting and how to fix it.</summary>
public sealed class VerityApiOptionsValidator : IValidateOptions<VerityApiOptions>
{
    private const string WhereToSet = "set it in the environment (e.g. the \"env\" of mcp.json), appsettings.json or on the command line as --{0}=...";

    public ValidateOptionsResult Validate(string? name, VerityApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string>? failures = null;

        if (string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            Add(ref failures, $"{VerityApiOptions.BaseUrlKey} is not set: give the Verity API's absolute URL, e.g. https://api.verity.example; " + Where(VerityApiOptions.BaseUrlKey));
        }
        else if (options.BaseUri is null)
        {
            Add(ref failures, $"{VerityApiOptions.BaseUrlKey} must be an absolute http:// or https:// URL without query or fragment, e.g. https://api.verity.example; " + Where(VerityApiOptions.BaseUrlKey));
        }
        else if (!CleartextPolicy.Allows(options.BaseUri))
        {
            var source = options.BaseUrlIsDefault
                ? $"{VerityApiOptions.BaseUrlKey} is not set and the catalog's api.baseUrl '{options.BaseUrl}'"
                : $"{VerityApiOptions.BaseUrlKey} '{options.BaseUrl}'";
            Add(ref failures, $"{source} is plain http to another machine, which would send the API's bearer tokens in clear text: give an https URL (http is only for {CleartextPolicy.LoopbackHosts}); " + Where(VerityApiOptions.BaseUrlKey));
        }

        if (options.InvalidTimeoutText is not null
            || options.TimeoutSeconds is < VerityApiOptions.MinTimeoutSeconds or > VerityApiOptions.MaxTimeoutSeconds)
        {
            Add(ref failures, string.Create(CultureInfo.InvariantCulture,
                $"{VerityApiOptions.TimeoutSecondsKey} must be a whole number of seconds from {VerityApiOptions.MinTimeoutSeconds} to {VerityApiOptions.MaxTimeoutSeconds} (default {VerityApiOptions.DefaultTimeoutSeconds}); ") + Where(VerityApiOptions.TimeoutSecondsKey));
        }

        if (options.InvalidMaxResponseBytesText is not null
            || options.MaxResponseBytes is < VerityApiOptions.MinMaxResponseBytes or > VerityApiOptions.MaxMaxResponseBytes)
        {
            Add(ref failures, string.Create(CultureInfo.InvariantCulture,
                $"{VerityApiOptions.MaxResponseBytesKey} must be a whole number of bytes from {VerityApiOptions.MinMaxResponseBytes} (1 KB) to {VerityApiOptions.MaxMaxResponseBytes} (100 MB) (default {VerityApiOptions.DefaultMaxResponseBytes}); ") + Where(VerityApiOptions.MaxResponseBytesKey));
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.MaxRetryAfter < TimeSpan.Zero)
        {
            Add(ref failures, "The retry delays of VerityApiOptions must not be negative.");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Where(string key) => string.Format(CultureInfo.InvariantCulture, WhereToSet, key);

    private static void Add(ref List<string>? failures, string message) => (failures ??= []).Add(message);
}
