using Verity.DevStack.Clerk;

namespace Verity.DevStack;

/// <summary>How <see cref="DevStackHost"/> starts the Clerk emulator and the sample Verity API.</summary>
public sealed class DevStackOptions
{
    /// <summary>The emulator's settings. Its <see cref="ClerkEmulatorOptions.TimeProvider"/> is replaced by <see cref="TimeProvider"/>.</summary>
    public ClerkEmulatorOptions Clerk { get; set; } = new();

    /// <summary>Loopback port of the sample API; 0 picks a free port.</summary>
    public int ApiPort { get; set; }

    /// <summary>The one clock of the whole stack (token times, JWKS cache, injected delays, call progress).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Maps the HTTP test-control surfaces (<c>/__emulator</c>, <c>/__verity</c>). Off by default.</summary>
    public bool EnableTestControl { get; set; }

    /// <summary>When set, test calls also advance one stage per interval; they always advance one stage per read.</summary>
    public TimeSpan? CallStepInterval { get; set; }

    /// <summary>How long the sample API trusts fetched signing keys (Clerk's middleware: 5 minutes).</summary>
    public TimeSpan JwksCacheDuration { get; set; } = TimeSpan.FromMinutes(5);
}
