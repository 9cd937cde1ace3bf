using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Verity.Mcp.Auth;

/// <summary>
/// Reads <see cref="ClerkOptions"/> from flat configuration keys by hand: reflection-based binding is not
/// available under Native AOT. A value that does not parse is recorded for the validator, never thrown here,
/// so the host reports every bad setting in one line at start.
/// </summary>
internal static class ClerkOptionsBinder
{
    public static void Bind(IConfiguration configuration, ClerkOptions options)
    {
        options.SecretKey = Text(configuration, ClerkConfigurationKeys.SecretKey) ?? options.SecretKey;
        options.SessionId = Text(configuration, ClerkConfigurationKeys.SessionId) ?? options.SessionId;
        options.UserId = Text(configuration, ClerkConfigurationKeys.UserId) ?? options.UserId;
        options.UserEmail = Text(configuration, ClerkConfigurationKeys.UserEmail) ?? options.UserEmail;
        options.JwtTemplate = Text(configuration, ClerkConfigurationKeys.JwtTemplate) ?? options.JwtTemplate;
        options.LegacyApiKey = Text(configuration, ClerkConfigurationKeys.LegacyApiKey) ?? options.LegacyApiKey;

        if (Text(configuration, ClerkConfigurationKeys.ApiUrl) is { } apiUrl)
        {
            if (Uri.TryCreate(apiUrl, UriKind.Absolute, out var uri))
            {
                options.ApiUrl = uri;
            }
            else
            {
                options.BindingErrors.Add(
                    $"{ClerkConfigurationKeys.ApiUrl} '{apiUrl}' is not an absolute URL: set it to {ClerkOptions.DefaultApiUrl} (or your emulator's http://127.0.0.1:PORT), or remove it.");
            }
        }

        if (Text(configuration, ClerkConfigurationKeys.CreateSession) is { } createSession)
        {
            if (bool.TryParse(createSession, out var create))
            {
                options.CreateSession = create;
            }
            else
            {
                options.BindingErrors.Add(
                    $"{ClerkConfigurationKeys.CreateSession} '{createSession}' is not true or false: set it to true to let the server create a session on a development instance, or remove it.");
            }
        }

        if (Text(configuration, ClerkConfigurationKeys.TokenLifetimeSeconds) is { } lifetime)
        {
            if (TryParseSeconds(lifetime, out var seconds))
            {
                options.TokenLifetimeSeconds = seconds;
            }
            else
            {
                options.BindingErrors.Add(ClerkOptionsValidator.LifetimeMessage(lifetime));
            }
        }

        if (Text(configuration, ClerkConfigurationKeys.TokenRefreshMarginSeconds) is { } margin)
        {
            if (TryParseSeconds(margin, out var seconds))
            {
                options.TokenRefreshMarginSeconds = seconds;
            }
            else
            {
                options.BindingErrors.Add(ClerkOptionsValidator.MarginMessage(margin));
            }
        }

        if (Text(configuration, ClerkConfigurationKeys.TimeoutSeconds) is { } timeout)
        {
            if (TryParseSeconds(timeout, out var seconds))
            {
                options.TimeoutSeconds = seconds;
            }
            else
            {
                options.BindingErrors.Add(ClerkOptionsValidator.TimeoutMessage);
            }
        }
    }

    private static string? Text(IConfiguration configuration, string key)
    {
        var value = configuration[key]?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static bool TryParseSeconds(string text, out int seconds) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
}
