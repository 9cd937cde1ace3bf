using System.Globalization;

namespace Verity.Mcp.Host.Tests.Infrastructure;

public static class TestPhoneNumbers
{
    /// <summary>A new E.164 number: the stack is shared and a contact's number must be unique, so each test run makes its own.</summary>
    public static string Unique() =>
        "+1" + Random.Shared.NextInt64(2_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);
}
