using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verity.Mcp.Auth;
using Verity.Mcp.Host.Cli;
using Verity.Mcp.Host.Configuration;
using Verity.Mcp.Host.Server;
using Verity.Mcp.Http;

namespace Verity.Mcp.Host.Commands;

/// <summary>
/// Checks the set-up step by step, one line per check with ok/fail and how to fix it: the configuration, the Clerk
/// key, user and session selection, a token mint (who it is for and when it expires, never the token) and whether
/// the Verity base URL answers. Exit 1 when any check fails.
/// </summary>
internal static class DoctorCommand
{
    private const string DoctorClientName = "Verity.Doctor";
    private static readonly TimeSpan ReachabilityTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(ConfigurationManager configuration, TextWriter output, CancellationToken cancellationToken)
    {
        var logLevel = LogLevelSetting.Read(configuration, LogLevel.Information);
        var builder = VerityHostBuilder.Create(configuration, logLevel, withApi: true, out _);
        builder.Services.AddHttpClient(DoctorClientName, client => client.Timeout = ReachabilityTimeout);
        using var host = builder.Build();

        var checks = await RunChecksAsync(configuration, host.Services, cancellationToken).ConfigureAwait(false);
        var width = checks.Max(check => check.Name.Length);
        foreach (var check in checks)
        {
            await output.WriteLineAsync(check.Format(width)).ConfigureAwait(false);
        }

        var failed = checks.Count(check => check.Status == DoctorStatus.Fail);
        await output.WriteLineAsync(failed == 0
            ? "All checks passed."
            : string.Create(CultureInfo.InvariantCulture, $"{failed} check(s) failed.")).ConfigureAwait(false);
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static async Task<List<DoctorCheck>> RunChecksAsync(IConfiguration configuration, IServiceProvider services, CancellationToken cancellationToken)
    {
        var checks = new List<DoctorCheck>
        {
            DoctorCheck.Ok("catalog", $"{CompiledCatalog.ApiName} {CompiledCatalog.ApiVersion}, {CompiledCatalog.CreateTools().Count} tools compiled in"),
        };

        var apiOptions = Validate<ApiClientOptions>(services, "api settings", checks,
            options => $"VERITY_BASE_URL={options.BaseUrl}, timeout {options.TimeoutSeconds} s, max response {options.MaxResponseBytes} bytes");
        var clerkOptions = Validate<ClerkOptions>(services, "clerk settings", checks, DescribeClerk);
        checks.Add(CheckCatalogPath(configuration));

        if (clerkOptions is null)
        {
            checks.Add(DoctorCheck.Skip("clerk key", "skipped until the Clerk settings are fixed"));
            checks.Add(DoctorCheck.Skip("session", "skipped"));
            checks.Add(DoctorCheck.Skip("token", "skipped"));
        }
        else if (clerkOptions.IsLegacyMode)
        {
            checks.Add(DoctorCheck.Skip("clerk key", "legacy mode: requests carry VERITY_API_KEY, no Clerk session tokens"));
        }
        else
        {
            await CheckClerkAsync(services, checks, cancellationToken).ConfigureAwait(false);
        }

        checks.Add(apiOptions is null
            ? DoctorCheck.Skip("api reachable", "skipped until the API settings are fixed")
            : await CheckReachableAsync(services, apiOptions, cancellationToken).ConfigureAwait(false));
        return checks;
    }

    private static T? Validate<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(
        IServiceProvider services, string name, List<DoctorCheck> checks, Func<T, string> describe)
        where T : class
    {
        try
        {
            var options = services.GetRequiredService<IOptions<T>>().Value;
            checks.Add(DoctorCheck.Ok(name, describe(options)));
            return options;
        }
        catch (OptionsValidationException exception)
        {
            checks.Add(DoctorCheck.Fail(name, ConfigurationProblem.Describe(exception) ?? exception.Message));
            return null;
        }
    }

    private static string DescribeClerk(ClerkOptions options)
    {
        if (options.IsLegacyMode)
        {
            return "VERITY_API_KEY is set and CLERK_SECRET_KEY is not (legacy API-key mode)";
        }

        var kind = options.SecretKey!.StartsWith("sk_live_", StringComparison.Ordinal) ? "live" : "test";
        var subject = options.SessionId is not null ? $"CLERK_SESSION_ID={options.SessionId}"
            : options.UserId is not null ? $"CLERK_USER_ID={options.UserId}"
            : options.UserEmail is not null ? $"CLERK_USER_EMAIL={options.UserEmail}"
            : "no user pinned (the instance's oldest user)";
        return $"CLERK_API_URL={options.ApiUrl}, CLERK_SECRET_KEY is a {kind} key, {subject}";
    }

    private static DoctorCheck CheckCatalogPath(IConfiguration configuration)
    {
        var path = configuration[KnownSettings.CatalogPath];
        if (string.IsNullOrWhiteSpace(path))
        {
            return DoctorCheck.Ok("catalog file", "VERITY_CATALOG_PATH not set: nothing to compare");
        }

        if (Directory.Exists(path))
        {
            return DoctorCheck.Fail("catalog file", $"VERITY_CATALOG_PATH={path} is a directory: point it at the catalog file itself (…/verity.catalog.json) or remove the setting.");
        }

        if (!File.Exists(path))
        {
            return DoctorCheck.Fail("catalog file", $"VERITY_CATALOG_PATH={path} does not exist: fix the path or remove the setting.");
        }

        string sha256;
        try
        {
            sha256 = CatalogFile.Sha256(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return DoctorCheck.Fail("catalog file", $"VERITY_CATALOG_PATH={path} cannot be read ({exception.Message.TrimEnd('.')}): fix the path or the file's permissions, or remove the setting.");
        }

        return sha256 == CompiledCatalog.CatalogSha256
            ? DoctorCheck.Ok("catalog file", $"{path} matches the compiled catalog")
            : DoctorCheck.Fail("catalog file", $"{path} differs from the compiled catalog: rebuild verity-mcp (dotnet build src/Verity.Mcp.Host -p:VERITY_CATALOG_PATH={path}).");
    }

    private static async Task CheckClerkAsync(IServiceProvider services, List<DoctorCheck> checks, CancellationToken cancellationToken)
    {
        try
        {
            var users = await services.GetRequiredService<ClerkApiClient>().ListUsersAsync(limit: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
            checks.Add(DoctorCheck.Ok("clerk key", users.Count == 0 ? "accepted (the instance has no users yet)" : "accepted by the Clerk Backend API"));
        }
        catch (Exception exception) when (exception is ClerkAuthenticationException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            checks.Add(DoctorCheck.Fail("clerk key", Explain(exception, "Check CLERK_SECRET_KEY and CLERK_API_URL.")));
            checks.Add(DoctorCheck.Skip("session", "skipped"));
            checks.Add(DoctorCheck.Skip("token", "skipped"));
            return;
        }

        try
        {
            var inspection = await services.GetRequiredService<IClerkTokenManager>().InspectAsync(cancellationToken).ConfigureAwait(false);
            var who = inspection.Email is null ? inspection.UserId : $"{inspection.UserId} <{inspection.Email}>";
            checks.Add(DoctorCheck.Ok("session", $"{inspection.SessionId} of {who ?? "(user not looked up)"}, chosen by {SourceSetting(inspection.Source)}"));
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var lifetime = (inspection.ExpiresAt - now).TotalSeconds;
            checks.Add(DoctorCheck.Ok("token", string.Create(CultureInfo.InvariantCulture,
                $"minted: sub={inspection.Subject}, sid={inspection.TokenSessionId}, exp={inspection.ExpiresAt:yyyy-MM-ddTHH:mm:ssZ} (in {lifetime:0} s), sha256 {inspection.Fingerprint}…")));
        }
        catch (Exception exception) when (exception is ClerkAuthenticationException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            checks.Add(DoctorCheck.Fail("session", Explain(exception, "Check CLERK_SESSION_ID / CLERK_USER_ID / CLERK_USER_EMAIL, or set CLERK_CREATE_SESSION=true on a development instance.")));
            checks.Add(DoctorCheck.Skip("token", "skipped"));
        }
    }

    private static string SourceSetting(ClerkSubjectSource source) => source switch
    {
        ClerkSubjectSource.SessionId => "CLERK_SESSION_ID",
        ClerkSubjectSource.UserId => "CLERK_USER_ID",
        ClerkSubjectSource.UserEmail => "CLERK_USER_EMAIL",
        _ => "default (oldest user, most recently active session)",
    };

    private static async Task<DoctorCheck> CheckReachableAsync(IServiceProvider services, ApiClientOptions options, CancellationToken cancellationToken)
    {
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(DoctorClientName);
        try
        {
            using var response = await client.GetAsync(new Uri(options.BaseUrl!), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return DoctorCheck.Ok("api reachable", string.Create(CultureInfo.InvariantCulture,
                $"{options.BaseUrl} answered HTTP {(int)response.StatusCode}"));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return DoctorCheck.Fail("api reachable", Explain(exception, $"Check VERITY_BASE_URL ({options.BaseUrl}) and your network."));
        }
    }

    private static string Explain(Exception exception, string fix) => exception switch
    {
        ClerkAuthenticationException when exception.Message.Contains("CLERK_", StringComparison.Ordinal) => exception.Message,
        TaskCanceledException => $"No answer within the time limit. {fix}",
        _ => $"{exception.Message.TrimEnd().TrimEnd('.')}. {fix}",
    };
}
