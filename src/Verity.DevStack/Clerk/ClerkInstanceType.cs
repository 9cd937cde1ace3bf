namespace Verity.DevStack.Clerk;

/// <summary>The kind of Clerk instance the emulator pretends to be; it decides rate limits and what BAPI allows.</summary>
public enum ClerkInstanceType
{
    /// <summary>A development instance: <c>sk_test_</c> keys, 100 requests per 10 s, <c>POST /v1/sessions</c> allowed.</summary>
    Development,

    /// <summary>A production instance: <c>sk_live_</c> keys, 1000 requests per 10 s, <c>POST /v1/sessions</c> answers 400.</summary>
    Production,
}
