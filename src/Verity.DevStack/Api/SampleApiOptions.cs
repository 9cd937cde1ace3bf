namespace Verity.DevStack.Api;

/// <summary>How the sample Verity API runs and where it finds the Clerk instance whose tokens it accepts.</summary>
public sealed class SampleApiOptions
{
    /// <summary>The Clerk Backend API base URL (without <c>/v1</c>), e.g. the emulator's <c>http://127.0.0.1:PORT</c>.</summary>
    public required string ClerkApiUrl { get; set; }

    /// <summary>The secret key used to fetch the instance's JWKS.</summary>
    public required string ClerkSecretKey { get; set; }

    /// <summary>Loopback port to listen on when started on its own; 0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>The clock for token checks, the JWKS cache, injected delays and time-driven call progress.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Allowed clock difference when checking <c>exp</c>, <c>nbf</c> and <c>iat</c> (Clerk's default is 5 s).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long fetched signing keys are trusted before they are fetched again (Clerk's middleware: 5 minutes).</summary>
    public TimeSpan JwksCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// When set, a test call also moves one stage per interval of <see cref="TimeProvider"/>; it always moves one
    /// stage per read of the call or its transcript.
    /// </summary>
    public TimeSpan? CallStepInterval { get; set; }

    /// <summary>Whether the HTTP test-control surface under <c>/__verity</c> (recorded requests, faults) is mapped. Off by default.</summary>
    public bool EnableTestControl { get; set; }
}
