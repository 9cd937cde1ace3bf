using System.Globalization;
using System.Text;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Auth;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Http;

/// <summary>
/// Turns API answers and failures into what the assistant sees: a 2xx answer as <see cref="SuccessResultMapper"/>
/// maps it (compact JSON text, <c>structuredContent</c> that validates against the tool's output schema, plain text,
/// a one-line description of binary content), anything else as an error that says what went wrong and what to do.
/// Never puts a token or secret into a result.
/// </summary>
public sealed class ToolResultMapper : IToolResultMapper
{
    private readonly SecretRedactor _redactor;
    private readonly IReadOnlyDictionary<string, ApiSettingNames> _settingsByApi;
    private readonly ApiSettingNames _defaultSettings;
    private readonly string? _checkCommand;

    /// <summary>A mapper that redacts secrets by shape only (no configured values known).</summary>
    public ToolResultMapper()
        : this(new SecretRedactor())
    {
    }

    public ToolResultMapper(SecretRedactor redactor)
        : this(redactor, new Dictionary<string, ApiSettingNames>(StringComparer.Ordinal), defaultSettings: null, checkCommand: null)
    {
    }

    /// <param name="settingsByApi">The keys each named API's settings are read from, so a message names the right one.</param>
    /// <param name="defaultSettings">The keys of the default registration, for tools whose API has no client of its own.</param>
    /// <param name="checkCommand">The host's configuration check (<see cref="ToolResultTextOptions.ConfigurationCheckCommand"/>).</param>
    internal ToolResultMapper(
        SecretRedactor redactor, IReadOnlyDictionary<string, ApiSettingNames> settingsByApi, ApiSettingNames? defaultSettings, string? checkCommand)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        _redactor = redactor;
        _settingsByApi = settingsByApi;
        _defaultSettings = defaultSettings ?? settingsByApi.Values.FirstOrDefault() ?? ApiSettingNames.Unregistered;
        _checkCommand = checkCommand;
    }

    private ApiSettingNames SettingsOf(EndpointDescriptor endpoint) =>
        endpoint.ApiName is { } apiName && _settingsByApi.TryGetValue(apiName, out var settings) ? settings : _defaultSettings;

    public CallToolResult FromResponse(EndpointDescriptor endpoint, ApiResponse response, ToolResultContract contract)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(contract);

        response = WithValidUtf8(response);
        return response.IsSuccess ? SuccessResultMapper.Map(endpoint, response, contract, _redactor, SettingsOf(endpoint).MaxResponseBytes) : Failure(endpoint, response);
    }

    public CallToolResult FromException(EndpointDescriptor endpoint, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(exception);

        var text = exception switch
        {
            ApiTimeoutException timeout => TimedOut(endpoint, timeout, SettingsOf(endpoint)),
            OperationCanceledException => $"{endpoint.ToolName} was cancelled before the API answered.",
            ClerkAuthenticationException clerk => $"{endpoint.ToolName} failed before the request was sent: {Sentence(clerk.Message)} "
                + "The request was not sent, so the call can be made again once this is fixed.",
            HttpRequestException http when NeverLeft(http) => $"{endpoint.ToolName} failed: could not reach the API ({Describe(http)}), so the request was not sent. "
                + (_checkCommand is null ? $"Check {SettingsOf(endpoint).BaseUrl} and the network." : $"Check {SettingsOf(endpoint).BaseUrl} and the network, then run `{_checkCommand}`."),
            HttpRequestException { StatusCode: { } status } http => string.Create(CultureInfo.InvariantCulture,
                $"{endpoint.ToolName} failed: the API answered {(int)status}, but the connection broke before the whole answer arrived ({Describe(http)}).")
                + AfterUnknownOutcome(endpoint),
            HttpRequestException http => $"{endpoint.ToolName} failed: the connection to the API broke after the request was handed over ({Describe(http)})."
                + AfterUnknownOutcome(endpoint),
            _ => $"{endpoint.ToolName} failed: {Sentence(exception.Message)} " + StatusHints.Check(_checkCommand, "the server's settings"),
        };

        return Error(_redactor.Redact(text));
    }

    private static string TimedOut(EndpointDescriptor endpoint, ApiTimeoutException timeout, ApiSettingNames settings)
    {
        var seconds = timeout.Limit.TotalSeconds;
        var limitHint = endpoint.Timeout is null
            ? $" The limit is {settings.TimeoutSeconds}: raise it if the API is just slow."
            : " The limit is the endpoint's timeoutSeconds in the catalog: raise it there and rebuild if the API is just slow.";

        return timeout.StatusCode is { } status
            ? string.Create(CultureInfo.InvariantCulture,
                $"{endpoint.ToolName} failed: the API answered {status}, but the rest of its answer did not arrive within {seconds:0.#} s.")
                + AfterUnknownOutcome(endpoint) + limitHint
            : string.Create(CultureInfo.InvariantCulture, $"{endpoint.ToolName} failed: the API did not answer within {seconds:0.#} s.")
                + AfterUnknownOutcome(endpoint) + limitHint;
    }

    /// <summary>
    /// What to do when the request may have reached the API but its outcome is unknown. Repeating a non-idempotent
    /// call could do it twice (a second phone call), so the assistant is told to look before it tries again.
    /// </summary>
    private static string AfterUnknownOutcome(EndpointDescriptor endpoint) => IdempotencyRules.MayResend(endpoint)
        ? " Calling it again is safe."
        : " The request reached the API or may have, so the call may have been carried out: check with a read tool (a list or get) "
            + "before trying again, and do not simply repeat it.";

    /// <summary>Failures while connecting: the request never left this process.</summary>
    private static bool NeverLeft(HttpRequestException exception) => exception.HttpRequestError
        is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
        or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private CallToolResult Failure(EndpointDescriptor endpoint, ApiResponse response)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{endpoint.ToolName} failed: the API answered {response.StatusCode}");
        if (!string.IsNullOrWhiteSpace(response.ReasonPhrase))
        {
            text.Append(' ').Append(response.ReasonPhrase);
        }

        text.Append('.');

        if (ApiErrorMessageReader.Read(response.Body.Span, response.ContentType, _redactor) is { } apiMessage)
        {
            text.Append(" The API said: ").Append(apiMessage);
        }

        text.Append(' ').Append(StatusHints.For(response.StatusCode, response.AuthRetried, SettingsOf(endpoint), _checkCommand));
        if (response.RetryAfter is { } wait && response.StatusCode is 429 or 503)
        {
            text.Append(CultureInfo.InvariantCulture, $" The API asked to wait {Math.Ceiling(wait.TotalSeconds):0} s before the next try.");
        }

        return Error(_redactor.Redact(text.ToString()));
    }

    /// <summary>Bad bytes under a UTF-8 text type become U+FFFD here, once, so neither path can trip on them.</summary>
    private static ApiResponse WithValidUtf8(ApiResponse response)
    {
        var body = ContentKinds.WithValidUtf8(response.Body, response.ContentType, response.Truncated);
        return body.Equals(response.Body) ? response : response with { Body = body };
    }

    private static string Describe(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the host name did not resolve",
        HttpRequestError.ConnectionError => "the connection failed",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed",
        HttpRequestError.ResponseEnded => "the connection closed before the answer was complete",
        HttpRequestError.InvalidResponse => "the answer was not valid HTTP",
        _ => (exception.InnerException is IOException io ? io.Message : exception.Message).TrimEnd('.'),
    };

    private static string Sentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' ? text : text + ".";

    private static CallToolResult Error(string text) => new() { Content = [new TextContentBlock { Text = text }], IsError = true };
}
