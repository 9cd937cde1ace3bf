using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Verity.DevStack.Clerk.OAuth;

/// <summary>
/// The instance's OAuth 2.1 authorization server state: registered clients, pending authorization codes, refresh
/// tokens and the access tokens it minted. The Frontend API endpoints speak HTTP; this decides. Thread-safe.
/// </summary>
internal sealed class ClerkOAuthServer(ClerkInstance instance) : IDisposable
{
    /// <summary>The <c>client_id</c> of access tokens minted through test control unless it names one.</summary>
    public const string TestControlClientId = "client_emulator_test_control";

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ClerkOAuthClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClerkOAuthCodeGrant> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClerkOAuthRefreshGrant> _refreshTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _revokedFamilies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClerkOAuthAccessToken> _accessTokens = new(StringComparer.Ordinal);

    // Made on first use only: an RSA key generation is the costliest thing an emulator does.
    private readonly Lazy<ClerkSigningKey> _unknownKey = new(ClerkSigningKey.Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Clerk's standard scopes, then the instance's custom ones, as the metadata lists them.</summary>
    public IReadOnlyList<string> SupportedScopes { get; } = [.. ClerkOAuthScopes.Standard, .. instance.Options.OAuthCustomScopes];

    /// <summary>What a request without <c>scope</c> is granted.</summary>
    public IReadOnlyList<string> DefaultScopes { get; } = [.. instance.Options.OAuthCustomScopes];

    public ClerkOAuthClient Register(string? clientName, IReadOnlyList<string> redirectUris, string authMethod, IReadOnlyList<string> grantTypes, IReadOnlyList<string>? scopes)
    {
        var client = new ClerkOAuthClient(
            RandomNumberGenerator.GetString(Base62, 16),
            authMethod == ClerkOAuthClientAuthMethods.None ? null : RandomNumberGenerator.GetString(Base62, 32),
            clientName,
            redirectUris,
            authMethod,
            grantTypes,
            scopes,
            instance.TimeProvider.GetUtcNow());
        lock (_gate)
        {
            _clients.Add(client.ClientId, client);
        }

        return client;
    }

    public ClerkOAuthClient? FindClient(string clientId)
    {
        lock (_gate)
        {
            return _clients.GetValueOrDefault(clientId);
        }
    }

    /// <summary>Remembers <paramref name="grant"/> and returns its single-use code.</summary>
    public string CreateCode(ClerkOAuthCodeGrant grant)
    {
        var code = NewOpaqueToken();
        lock (_gate)
        {
            _codes.Add(code, grant);
        }

        return code;
    }

    /// <summary>The <c>authorization_code</c> grant. A code is spent by the first attempt, whatever its outcome.</summary>
    public ClerkOAuthOutcome ExchangeCode(ClerkOAuthClient client, string code, string? redirectUri, string? codeVerifier, string? resource, string issuer)
    {
        var now = instance.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_codes.TryGetValue(code, out var grant))
            {
                return ClerkOAuthError.InvalidGrant("The authorization code is invalid.");
            }

            if (grant.Used)
            {
                // RFC 6749 §4.1.2: a code used twice may have been stolen; what it produced is revoked too.
                _revokedFamilies.Add(grant.FamilyId);
                return ClerkOAuthError.InvalidGrant("The authorization code has already been used.");
            }

            _codes[code] = grant with { Used = true };
            if (grant.ClientId != client.ClientId)
            {
                return ClerkOAuthError.InvalidGrant("The authorization code was issued to another client.");
            }

            if (now >= grant.ExpiresAt)
            {
                return ClerkOAuthError.InvalidGrant("The authorization code has expired.");
            }

            if (grant.RedirectUriGiven && redirectUri != grant.RedirectUri)
            {
                return ClerkOAuthError.InvalidGrant("redirect_uri does not match the one of the authorization request.");
            }

            if (string.IsNullOrEmpty(codeVerifier))
            {
                return ClerkOAuthError.InvalidRequest("code_verifier is required (PKCE).");
            }

            if (!VerifierMatches(codeVerifier, grant.CodeChallenge))
            {
                return ClerkOAuthError.InvalidGrant("code_verifier does not match the code_challenge.");
            }

            if (resource is not null && grant.Resource is not null && resource != grant.Resource)
            {
                return ClerkOAuthError.InvalidTarget("resource does not match the one of the authorization request.");
            }

            var refresh = new ClerkOAuthRefreshGrant(client.ClientId, grant.Scopes, grant.Resource ?? resource, grant.UserId, grant.SessionId, grant.FamilyId);
            return IssueTokens(refresh, issuer, now);
        }
    }

    /// <summary>The <c>refresh_token</c> grant: rotates the refresh token; a retired one revokes its family.</summary>
    public ClerkOAuthOutcome Refresh(ClerkOAuthClient client, string refreshToken, IReadOnlyList<string>? scopes, string? resource, string issuer)
    {
        var now = instance.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_refreshTokens.TryGetValue(refreshToken, out var grant) || grant.ClientId != client.ClientId)
            {
                return ClerkOAuthError.InvalidGrant("The refresh token is invalid.");
            }

            if (grant.Retired)
            {
                _revokedFamilies.Add(grant.FamilyId);
                return ClerkOAuthError.InvalidGrant("The refresh token has already been used; refresh tokens rotate.");
            }

            if (_revokedFamilies.Contains(grant.FamilyId))
            {
                return ClerkOAuthError.InvalidGrant("The refresh token has been revoked.");
            }

            if (scopes is not null && scopes.Except(grant.Scopes, StringComparer.Ordinal).FirstOrDefault() is { } extra)
            {
                return ClerkOAuthError.InvalidScope($"The scope '{extra}' was not granted to this refresh token.");
            }

            if (resource is not null && grant.Resource is not null && resource != grant.Resource)
            {
                return ClerkOAuthError.InvalidTarget("resource does not match the one the refresh token was granted for.");
            }

            _refreshTokens[refreshToken] = grant with { Retired = true };
            return IssueTokens(grant, issuer, now, scopes);
        }
    }

    /// <summary>Mints an access token outside the flow (test control), with the overrides of <paramref name="request"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such user.</exception>
    /// <exception cref="ArgumentException">A scope that is not a scope token.</exception>
    public ClerkOAuthAccessToken Issue(ClerkOAuthAccessTokenRequest request, string defaultIssuer)
    {
        if (instance.FindUser(request.UserId) is null)
        {
            throw new KeyNotFoundException($"The emulator has no user {request.UserId}.");
        }

        var scope = request.Scope ?? ClerkOAuthScopes.Join(DefaultScopes);
        if (scope.Length > 0 && ClerkOAuthScopes.Parse(scope) is null)
        {
            throw new ArgumentException($"'{scope}' is not a space-separated list of scope tokens.", nameof(request));
        }

        var token = ClerkOAuthAccessTokenIssuer.Issue(
            request.SignWithUnknownKey ? _unknownKey.Value : instance.Keys.Current,
            request.Issuer ?? defaultIssuer,
            request.UserId,
            request.Audience ?? request.ClientId,
            request.ClientId,
            scope,
            instance.TimeProvider.GetUtcNow(),
            request.Lifetime ?? instance.Options.OAuthAccessTokenLifetime,
            request.NotBeforeOffset);
        Remember(token);
        return token;
    }

    /// <summary>The access token <paramref name="jwt"/> if this instance minted it, for introspection.</summary>
    public ClerkOAuthAccessToken? FindAccessToken(string jwt)
    {
        lock (_gate)
        {
            return _accessTokens.GetValueOrDefault(jwt);
        }
    }

    public void Dispose()
    {
        if (_unknownKey.IsValueCreated)
        {
            _unknownKey.Value.Dispose();
        }
    }

    public static string NewFamilyId() => NewOpaqueToken();

    private ClerkOAuthOutcome IssueTokens(ClerkOAuthRefreshGrant grant, string issuer, DateTimeOffset now, IReadOnlyList<string>? narrowedScopes = null)
    {
        var scope = ClerkOAuthScopes.Join(narrowedScopes ?? grant.Scopes);
        var lifetime = instance.Options.OAuthAccessTokenLifetime;
        var accessToken = ClerkOAuthAccessTokenIssuer.Issue(
            instance.Keys.Current,
            issuer,
            grant.UserId,
            grant.Resource ?? grant.ClientId,
            grant.ClientId,
            scope,
            now,
            lifetime,
            TimeSpan.Zero);
        Remember(accessToken);

        // The new refresh token keeps the grant's full scope (RFC 6749 §6), whatever this access token was narrowed to.
        var refreshToken = NewOpaqueToken();
        _refreshTokens.Add(refreshToken, grant with { Retired = false });
        return new ClerkOAuthTokenResponseJson(accessToken.Jwt, "bearer", (long)lifetime.TotalSeconds, refreshToken, scope);
    }

    private void Remember(ClerkOAuthAccessToken token)
    {
        lock (_gate)
        {
            _accessTokens[token.Jwt] = token;
        }
    }

    private static bool VerifierMatches(string verifier, string challenge)
    {
        // RFC 7636 §4.1: 43–128 unreserved characters.
        if (verifier.Length is < 43 or > 128 || !verifier.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
        {
            return false;
        }

        var computed = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge));
    }

    private static string NewOpaqueToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
