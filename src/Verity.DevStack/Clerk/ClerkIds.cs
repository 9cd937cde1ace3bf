using System.Security.Cryptography;

namespace Verity.DevStack.Clerk;

/// <summary>Makes Clerk-looking identifiers: a prefix, an underscore and 27 base-62 characters.</summary>
internal static class ClerkIds
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix) => prefix + "_" + RandomNumberGenerator.GetString(Base62, 27);

    /// <summary>A trace id like Clerk's <c>clerk_trace_id</c>: 32 lowercase hex characters.</summary>
    public static string NewTraceId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A token id (<c>jti</c>): 20 lowercase hex characters.</summary>
    public static string NewTokenId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    /// <summary>A secret key: <c>sk_test_</c> or <c>sk_live_</c> and 40 base-62 characters.</summary>
    public static string NewSecretKey(ClerkInstanceType type) =>
        (type == ClerkInstanceType.Production ? "sk_live_" : "sk_test_") + RandomNumberGenerator.GetString(Base62, 40);
}
