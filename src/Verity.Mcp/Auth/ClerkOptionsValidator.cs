using System.Globalization;
using Microsoft.Extensions.Options;
using Verity.Mcp.Http;

namespace Verity.Mcp.Auth;

/// <summary>
/// Checks <see cref="ClerkOptions"/> at start. Each failure is one line that names the setting and says how to
/// fix it; a secret value is never echoed.
/// </summary>
internal sealed class ClerkOptionsValidator : IValidateOptions<ClerkOptions>
{
    /// <summary>Clerk accepts <c>expires_in_seconds</c> from 30 s up to ten years.</summary>
    internal const int MinLifetimeSeconds = 30;
    internal const int MaxLifetimeSeconds = 315_360_000;

    public ValidateOptionsResult Validate(string? name, ClerkOptions options)
    {
        var failures = new List<string>(options.BindingErrors);

        if (options.ForSignedInUsers)
        {
            AddSignedInUserFailures(options, failures);
        }

        if (string.IsNullOrWhiteSpace(options.SecretKey))
        {
            if (options.ForSignedInUsers)
            {
                failures.Add(
                    $"{ClerkConfigurationKeys.SecretKey} is not set: the server mints each signed-in user's Clerk session tokens with it; set it to the Clerk instance's secret key (sk_test_… or sk_live_…) in the server's environment.");
            }
            else if (string.IsNullOrWhiteSpace(options.LegacyApiKey))
            {
                failures.Add(
                    $"{ClerkConfigurationKeys.SecretKey} is not set: set it to your Clerk secret key (sk_test_… or sk_live_…) in the MCP server's env, or set {ClerkConfigurationKeys.LegacyApiKey} for the legacy API-key mode.");
            }
        }
        else if (!options.SecretKey.StartsWith("sk_test_", StringComparison.Ordinal)
                 && !options.SecretKey.StartsWith("sk_live_", StringComparison.Ordinal))
        {
            failures.Add(
                $"{ClerkConfigurationKeys.SecretKey} is not a Clerk secret key: it must start with sk_test_ or sk_live_ (copy it from the Clerk dashboard's API keys page; publishable keys pk_… do not work here).");
        }

        else if (options.SecretKey.StartsWith("sk_live_", StringComparison.Ordinal) && !options.ForSignedInUsers
                 && options.SessionId is null && options.UserId is null && options.UserEmail is null)
        {
            // On a production instance "the oldest user" is a guess about whose data the assistant touches.
            failures.Add(
                $"{ClerkConfigurationKeys.SecretKey} is a live key (sk_live_…) and no user is pinned: set {ClerkConfigurationKeys.UserId}, {ClerkConfigurationKeys.UserEmail} or {ClerkConfigurationKeys.SessionId} to the user the server acts as (only test keys fall back to the instance's oldest user).");
        }

        if (!options.ApiUrl.IsAbsoluteUri || (options.ApiUrl.Scheme != Uri.UriSchemeHttps && options.ApiUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add(
                $"{ClerkConfigurationKeys.ApiUrl} '{options.ApiUrl}' is not an http(s) URL: set it to {ClerkOptions.DefaultApiUrl}, or remove it.");
        }
        else if (!CleartextPolicy.Allows(options.ApiUrl))
        {
            failures.Add(
                $"{ClerkConfigurationKeys.ApiUrl} '{options.ApiUrl}' is plain http to another machine, which would send the secret key in clear text: use https (e.g. {ClerkOptions.DefaultApiUrl}); http is only for an emulator on {CleartextPolicy.LoopbackHosts}.");
        }

        if (options.SessionId is { } sessionId && !sessionId.StartsWith("sess_", StringComparison.Ordinal))
        {
            failures.Add(
                $"{ClerkConfigurationKeys.SessionId} '{sessionId}' is not a Clerk session id: it starts with sess_ (find it in the Clerk dashboard under the user's sessions), or remove it.");
        }

        if (options.UserId is { } userId && !userId.StartsWith("user_", StringComparison.Ordinal))
        {
            failures.Add(
                $"{ClerkConfigurationKeys.UserId} '{userId}' is not a Clerk user id: it starts with user_ (copy it from the Clerk dashboard's Users page), or remove it.");
        }

        if (options.UserEmail is { } email && !LooksLikeEmail(email))
        {
            failures.Add(
                $"{ClerkConfigurationKeys.UserEmail} '{email}' is not an e-mail address: set it to the address the user signs in with, or remove it.");
        }

        if (options.TokenLifetimeSeconds is { } lifetime && lifetime is < MinLifetimeSeconds or > MaxLifetimeSeconds)
        {
            failures.Add(LifetimeMessage(lifetime.ToString(CultureInfo.InvariantCulture)));
        }

        if (options.TokenRefreshMarginSeconds is { } margin
            && (margin < 0 || (options.TokenLifetimeSeconds is { } requested && margin >= requested)))
        {
            failures.Add(MarginMessage(margin.ToString(CultureInfo.InvariantCulture)));
        }

        if (options.JwtTemplate is { } template && !IsTemplateName(template))
        {
            failures.Add(
                $"{ClerkConfigurationKeys.JwtTemplate} '{template}' is not a JWT template name: use the name shown in the Clerk dashboard (letters, digits, '-', '_' and '.'), or remove it.");
        }

        if (options.TimeoutSeconds is < ClerkOptions.MinTimeoutSeconds or > ClerkOptions.MaxTimeoutSeconds)
        {
            failures.Add(TimeoutMessage);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Settings that choose one user for the whole process contradict acting for each call's signed-in user.</summary>
    private static void AddSignedInUserFailures(ClerkOptions options, List<string> failures)
    {
        foreach (var (key, isSet) in (ReadOnlySpan<(string, bool)>)
                 [
                     (ClerkConfigurationKeys.SessionId, options.SessionId is not null),
                     (ClerkConfigurationKeys.UserId, options.UserId is not null),
                     (ClerkConfigurationKeys.UserEmail, options.UserEmail is not null),
                     (ClerkConfigurationKeys.CreateSession, options.CreateSession),
                     (ClerkConfigurationKeys.LegacyApiKey, !string.IsNullOrWhiteSpace(options.LegacyApiKey)),
                 ])
        {
            if (isSet)
            {
                failures.Add($"{key} is set, but this server acts for each call's signed-in user (their most recent active session, minted with {ClerkConfigurationKeys.SecretKey}): remove {key}.");
            }
        }
    }

    internal static string LifetimeMessage(string value) =>
        $"{ClerkConfigurationKeys.TokenLifetimeSeconds} '{value}' is not a whole number of seconds from {MinLifetimeSeconds} to {MaxLifetimeSeconds}: set e.g. 300, or remove it to keep Clerk's default of 60 s.";

    internal static string MarginMessage(string value) =>
        $"{ClerkConfigurationKeys.TokenRefreshMarginSeconds} '{value}' is not a whole number of seconds below the token lifetime: set e.g. 15, or remove it to use min(15 s, a quarter of the lifetime).";

    internal static readonly string TimeoutMessage = string.Create(CultureInfo.InvariantCulture,
        $"{ClerkConfigurationKeys.TimeoutSeconds} must be a whole number of seconds from {ClerkOptions.MinTimeoutSeconds} to {ClerkOptions.MaxTimeoutSeconds} (default {ClerkOptions.DefaultTimeoutSeconds}): how long a request waits for Clerk to give a session token; set e.g. 30, or remove it.");

    /// <summary>Only the shape: Clerk itself decides whether a user has the address.</summary>
    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 1;
    }

    private static bool IsTemplateName(string template)
    {
        foreach (var c in template)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
