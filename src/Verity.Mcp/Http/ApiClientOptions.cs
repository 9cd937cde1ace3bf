namespace Verity.Mcp.Http;

/// <summary>
/// Where an API is and how long and how much the pipeline waits for and reads from it; one per registered API
/// (named options, keyed by the API name). Bound from flat keys named like environment variables
/// (<see cref="Settings"/>), else from the API's configuration section (<c>Shop:BaseUrl</c>, …).
/// </summary>
public sealed class ApiClientOptions
{
    public const int DefaultTimeoutSeconds = 30;
    public const int MinTimeoutSeconds = 1;
    public const int MaxTimeoutSeconds = 600;

    public const int DefaultMaxResponseBytes = 100 * 1024;
    public const int MinMaxResponseBytes = 1024;
    public const int MaxMaxResponseBytes = 100 * 1024 * 1024;

    /// <summary>The API's name, for messages ("the Shop API"); null for the default registration.</summary>
    public string? ApiName { get; set; }

    /// <summary>The configuration keys this API's settings are read from, named in every message about them.</summary>
    public ApiSettingNames Settings { get; set; } = ApiSettingNames.Unregistered;

    /// <summary>Absolute http(s) URL; request paths are appended to it, keeping its own path (e.g. <c>https://x/v2</c>).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// The time limit, in seconds, for endpoints without their own <c>timeoutSeconds</c>. It applies to each attempt
    /// (the answer's headers must arrive within it, counted from when the request has its credentials) and again to
    /// reading the body; an idempotent request that runs out of time is retried like one that got a 503, so it can
    /// take up to three attempts.
    /// </summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>How many body bytes are read at most; the rest is reported as cut.</summary>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>The base delay of the jittered exponential backoff between retries (code-level knob, not read from configuration).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A <c>Retry-After</c> longer than this is not waited for: the answer goes back to the caller instead (code-level knob).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>True when <see cref="BaseUrl"/> is the catalog's default rather than a configured value, so errors can say where it came from.</summary>
    internal bool BaseUrlIsDefault { get; private set; }

    // The raw text of settings that did not parse, so the validator can say what was wrong.
    internal string? InvalidTimeoutText { get; set; }

    internal string? InvalidMaxResponseBytesText { get; set; }

    internal Uri? BaseUri => TryParseBaseUrl(BaseUrl, out var uri) ? uri : null;

    /// <summary>Reads the flat keys by hand (no reflection, so Native AOT stays warning-free).</summary>
    public void ReadFrom(Microsoft.Extensions.Configuration.IConfiguration configuration, string? defaultBaseUrl) =>
        ReadFrom(configuration, defaultBaseUrl, section: null);

    /// <summary>
    /// Reads <see cref="Settings"/>' flat keys, each falling back to its property name in <paramref name="section"/>
    /// (e.g. <c>Shop:TimeoutSeconds</c>, which is also the environment variable <c>Shop__TimeoutSeconds</c>).
    /// </summary>
    public void ReadFrom(Microsoft.Extensions.Configuration.IConfiguration configuration, string? defaultBaseUrl, string? section)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? Read(string key, string property) =>
            configuration[key] is { } flat && !string.IsNullOrWhiteSpace(flat) ? flat
            : section is null ? null
            : configuration[section + ":" + property];

        var baseUrl = Read(Settings.BaseUrl, nameof(BaseUrl));
        BaseUrlIsDefault = string.IsNullOrWhiteSpace(baseUrl);
        BaseUrl = BaseUrlIsDefault ? defaultBaseUrl : baseUrl!.Trim();

        var timeout = Read(Settings.TimeoutSeconds, nameof(TimeoutSeconds));
        if (!string.IsNullOrWhiteSpace(timeout))
        {
            if (int.TryParse(timeout.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                TimeoutSeconds = seconds;
            }
            else
            {
                InvalidTimeoutText = timeout;
            }
        }

        var maxBytes = Read(Settings.MaxResponseBytes, nameof(MaxResponseBytes));
        if (!string.IsNullOrWhiteSpace(maxBytes))
        {
            if (int.TryParse(maxBytes.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var bytes))
            {
                MaxResponseBytes = bytes;
            }
            else
            {
                InvalidMaxResponseBytesText = maxBytes;
            }
        }
    }

    internal static bool TryParseBaseUrl(string? text, out Uri uri)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(parsed.Query)
            && string.IsNullOrEmpty(parsed.Fragment))
        {
            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }
}
