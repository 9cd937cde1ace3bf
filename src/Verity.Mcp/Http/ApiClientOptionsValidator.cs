using System.Globalization;
using Microsoft.Extensions.Options;

namespace Verity.Mcp.Http;

/// <summary>Checks the API settings at start; each failure is one line naming the setting and how to fix it.</summary>
public sealed class ApiClientOptionsValidator : IValidateOptions<ApiClientOptions>
{
    private const string WhereToSet = "set it in the environment (e.g. the \"env\" of mcp.json), appsettings.json or on the command line as --{0}=...";

    public ValidateOptionsResult Validate(string? name, ApiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string>? failures = null;
        var keys = options.Settings;
        var api = options.ApiName is null ? "the API" : $"the {options.ApiName} API";

        if (string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            Add(ref failures, $"{keys.BaseUrl} is not set: give {api}'s absolute URL, e.g. https://api.example.com; " + Where(keys.BaseUrl));
        }
        else if (options.BaseUri is null)
        {
            Add(ref failures, $"{keys.BaseUrl} must be an absolute http:// or https:// URL without query or fragment, e.g. https://api.example.com; " + Where(keys.BaseUrl));
        }
        else if (!CleartextPolicy.Allows(options.BaseUri))
        {
            var source = options.BaseUrlIsDefault
                ? $"{keys.BaseUrl} is not set and the catalog's api.baseUrl '{options.BaseUrl}'"
                : $"{keys.BaseUrl} '{options.BaseUrl}'";
            Add(ref failures, $"{source} is plain http to another machine, which would send the API's bearer tokens in clear text: give an https URL (http is only for {CleartextPolicy.LoopbackHosts}); " + Where(keys.BaseUrl));
        }

        if (options.InvalidTimeoutText is not null
            || options.TimeoutSeconds is < ApiClientOptions.MinTimeoutSeconds or > ApiClientOptions.MaxTimeoutSeconds)
        {
            Add(ref failures, string.Create(CultureInfo.InvariantCulture,
                $"{keys.TimeoutSeconds} must be a whole number of seconds from {ApiClientOptions.MinTimeoutSeconds} to {ApiClientOptions.MaxTimeoutSeconds} (default {ApiClientOptions.DefaultTimeoutSeconds}); ") + Where(keys.TimeoutSeconds));
        }

        if (options.InvalidMaxResponseBytesText is not null
            || options.MaxResponseBytes is < ApiClientOptions.MinMaxResponseBytes or > ApiClientOptions.MaxMaxResponseBytes)
        {
            Add(ref failures, string.Create(CultureInfo.InvariantCulture,
                $"{keys.MaxResponseBytes} must be a whole number of bytes from {ApiClientOptions.MinMaxResponseBytes} (1 KB) to {ApiClientOptions.MaxMaxResponseBytes} (100 MB) (default {ApiClientOptions.DefaultMaxResponseBytes}); ") + Where(keys.MaxResponseBytes));
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.MaxRetryAfter < TimeSpan.Zero)
        {
            Add(ref failures, "The retry delays of ApiClientOptions must not be negative.");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Where(string key) => string.Format(CultureInfo.InvariantCulture, WhereToSet, key);

    private static void Add(ref List<string>? failures, string message) => (failures ??= []).Add(message);
}
