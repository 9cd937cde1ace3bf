using Verity.DevStack.Clerk.OAuth;

namespace Verity.DevStack.Clerk;

/// <summary>How an emulated Clerk instance behaves. Every property has a sensible default.</summary>
public sealed class ClerkEmulatorOptions
{
    /// <summary>The default Frontend API URL used as the tokens' <c>iss</c>.</summary>
    public const string DefaultIssuer = "https://verity-dev.clerk.accounts.dev";

    /// <summary>The default JWT template name the emulator knows.</summary>
    public const string DefaultTemplateName = "verity";

    /// <summary>Loopback port to listen on when started on its own; 0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>The secret key clients must present; null generates a random <c>sk_test_…</c> (or <c>sk_live_…</c>).</summary>
    public string? SecretKey { get; set; }

    /// <summary>Development (default) or production; decides the rate limit and whether sessions may be created.</summary>
    public ClerkInstanceType InstanceType { get; set; } = ClerkInstanceType.Development;

    /// <summary>The Frontend API URL written into every token's <c>iss</c>.</summary>
    public string Issuer { get; set; } = DefaultIssuer;

    /// <summary>Whether to create the deterministic users and sessions of <see cref="ClerkEmulatorSeed"/>.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>The clock for token times, session expiry, rate-limit windows and injected delays.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Whether the HTTP test-control surface under <c>/__emulator</c> is mapped. Off by default.</summary>
    public bool EnableTestControl { get; set; }

    /// <summary>Whether requests are rate limited per secret key (Clerk always does; turn off only for load tests).</summary>
    public bool EnableRateLimit { get; set; } = true;

    /// <summary>Requests allowed per window; null uses Clerk's limit for <see cref="InstanceType"/> (100 or 1000).</summary>
    public int? RateLimitPermits { get; set; }

    /// <summary>The rate-limit window; Clerk uses 10 seconds.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// For test suites that start many emulators: the first signing key uses RSA material generated once per process
    /// (its <c>kid</c> is still unique; rotations still make fresh material), which saves an RSA key generation per
    /// start. Off by default because two such emulators' tokens then verify against each other's key when a
    /// verifier ignores the <c>kid</c>.
    /// </summary>
    public bool ReuseSigningKeyMaterial { get; set; }

    /// <summary>How long OAuth access tokens from <c>/oauth/token</c> live; Clerk's are valid for one day.</summary>
    public TimeSpan OAuthAccessTokenLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long an authorization code from <c>/oauth/authorize</c> can be exchanged (single use either way).</summary>
    public TimeSpan OAuthAuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The custom OAuth scopes the instance defines beside Clerk's standard ones (<see cref="ClerkOAuthScopes.Standard"/>);
    /// an authorization request without <c>scope</c> is granted all of them. By default <c>tools:read</c> and <c>tools:write</c>.
    /// </summary>
    public IList<string> OAuthCustomScopes { get; } = ["tools:read", "tools:write"];

    /// <summary>The JWT templates the instance knows; by default one named <see cref="DefaultTemplateName"/>.</summary>
    public IList<ClerkJwtTemplate> JwtTemplates { get; } =
    [
        new ClerkJwtTemplate(
            DefaultTemplateName,
            Claims: new Dictionary<string, string> { ["email"] = "{{user.primary_email_address}}" }),
    ];

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first option that cannot work.</summary>
    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"ClerkEmulatorOptions.Port must be 0 (any free port) or a port number up to 65535, not {Port}.");
        }

        if (SecretKey is not null && (string.IsNullOrWhiteSpace(SecretKey) || SecretKey.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException("ClerkEmulatorOptions.SecretKey must be null (generate one) or a key without whitespace, e.g. sk_test_….");
        }

        if (!Uri.TryCreate(Issuer, UriKind.Absolute, out var issuer) || (issuer.Scheme != Uri.UriSchemeHttps && issuer.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("ClerkEmulatorOptions.Issuer must be an absolute http(s) URL, e.g. " + DefaultIssuer + ".");
        }

        if (RateLimitPermits is <= 0)
        {
            throw new ArgumentException("ClerkEmulatorOptions.RateLimitPermits must be positive, or null for Clerk's limit (or set EnableRateLimit = false).");
        }

        if (RateLimitWindow <= TimeSpan.Zero)
        {
            throw new ArgumentException("ClerkEmulatorOptions.RateLimitWindow must be positive (Clerk uses 10 seconds).");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (OAuthAccessTokenLifetime < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("ClerkEmulatorOptions.OAuthAccessTokenLifetime must be at least one second (Clerk's is one day).");
        }

        if (OAuthAuthorizationCodeLifetime < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("ClerkEmulatorOptions.OAuthAuthorizationCodeLifetime must be at least one second.");
        }

        var customScopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in OAuthCustomScopes)
        {
            if (!ClerkOAuthScopes.IsValidToken(scope) || ClerkOAuthScopes.Standard.Contains(scope) || !customScopes.Add(scope))
            {
                throw new ArgumentException($"ClerkEmulatorOptions.OAuthCustomScopes: '{scope}' must be a non-empty scope token without spaces, quotes or backslashes, not one of Clerk's standard scopes and not listed twice.");
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var template in JwtTemplates)
        {
            if (string.IsNullOrEmpty(template.Name) || template.Name.Contains('/') || !names.Add(template.Name))
            {
                throw new ArgumentException($"ClerkEmulatorOptions.JwtTemplates: template names must be unique, non-empty and contain no '/' ('{template.Name}').");
            }

            if (template.LifetimeSeconds is < 30 or > 315_360_000)
            {
                throw new ArgumentException($"ClerkEmulatorOptions.JwtTemplates: template '{template.Name}' needs a lifetime between 30 and 315360000 seconds.");
            }
        }
    }

    /// <summary>The requests-per-window limit in force once defaults are applied.</summary>
    internal int EffectiveRateLimitPermits =>
        RateLimitPermits ?? (InstanceType == ClerkInstanceType.Production ? 1000 : 100);
}
