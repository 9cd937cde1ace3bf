using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Tools;

/// <summary>
/// Catalog patterns match what they match in JavaScript (JSON Schema's regular expression dialect); each expected
/// answer below is what <c>new RegExp(pattern, "u").test(input)</c> gives, or, for the few forms only JavaScript
/// without the <c>u</c> flag accepts (a '-' next to a class escape, a lone ']'), <c>new RegExp(pattern).test(input)</c>.
/// </summary>
public sealed class EcmaScriptPatternTests
{
    private static bool Matches(string pattern, string input)
    {
        var regex = EcmaScriptPattern.TryCreate(pattern, TimeSpan.FromSeconds(5), out var problem);
        Assert.True(regex is not null, problem);
        return regex.IsMatch(input);
    }

    [Theory]
    [InlineData(@"^\+[1-9][0-9]{7,14}$", "+15550100", true)]
    [InlineData(@"^\+[1-9][0-9]{7,14}$", "+15550100\n", false)]
    [InlineData(@"^a$", "a\n", false)]
    [InlineData(@"^a$|^b$", "a\n", false)]
    [InlineData(@"^[$]$", "$", true)]
    [InlineData(@"^\$$", "$", true)]
    [InlineData(@"^\d+$", "123", true)]
    [InlineData(@"^\d+$", "١٢٣", false)]
    [InlineData(@"^\w+$", "é", false)]
    [InlineData(@"^[\w-.]+$", "a-b.c", true)]
    [InlineData(@"^[\d-z]+$", "1-z", true)]
    [InlineData(@"^\s$", "\u00a0", true)]
    [InlineData(@"^\s$", "\u2028", true)]
    [InlineData(@"^\s$", "\ufeff", true)]
    [InlineData(@"^\s$", "\u200b", false)]
    [InlineData(@"^\S$", "\u00a0", false)]
    [InlineData(@"^[\S]$", "\u3000", false)]
    [InlineData(@"^[\Sa]$", "a", true)]
    [InlineData(@"^[^\S]$", " ", true)]
    [InlineData(@"^[^\S]$", "a", false)]
    [InlineData(@"^[^\S\n]$", "\n", false)]
    [InlineData(@"^[^\S\n]$", "\t", true)]
    [InlineData(@"^[^\sa]$", "b", true)]
    [InlineData(@"^[^\sa]$", "\u00a0", false)]
    [InlineData(@"^.$", "a", true)]
    [InlineData(@"^.$", "\r", false)]
    [InlineData(@"^.$", "\u2029", false)]
    [InlineData(@"^[^]$", "\n", true)]
    [InlineData(@"^[]$", "", false)]
    [InlineData(@"^[]a]$", "a", false)]
    [InlineData(@"^[]a]$", "]", false)]
    [InlineData(@"^[a[]+$", "a[", true)]
    [InlineData(@"^[a-z-[aeiou]]+$", "a", false)]
    [InlineData(@"^[a-z-[aeiou]]+$", "-]]", true)]
    [InlineData(@"^[\^\]\\-]+$", "^]\\-", true)]
    [InlineData(@"^(?<year>\d{4})-\k<year>$", "2024-2024", true)]
    [InlineData(@"^(?<a>x)(y)\2$", "xyy", true)]
    [InlineData(@"^(?<a>x)(y)\2$", "xyx", false)]
    [InlineData(@"^(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10$", "abcdefghijj", true)]
    [InlineData(@"^(?:ab)+(?=c)(?!d).(?<=c)(?<!d)$", "ababc", true)]
    [InlineData(@"^\u{1F600}+$", "😀😀", true)]
    [InlineData(@"^\u{e9}$", "é", true)]
    [InlineData(@"^\x41\u0042\cJ\0$", "AB\n\0", true)]
    [InlineData(@"^[\x41-\x43]+$", "ABC", true)]
    [InlineData(@"^\p{Lu}\P{Lu}$", "Éa", true)]
    [InlineData(@"^\p{Letter}+\p{gc=Nd}$", "ab1", true)]
    [InlineData(@"^[\p{L}\d]+$", "é1", true)]
    [InlineData(@"^a\/b\-c$", "a/b-c", true)]
    [InlineData(@"^[\b]$", "\b", true)]
    [InlineData(@"\bé", "aé", true)]
    [InlineData(@"#x y", "a#x y", true)]
    public void Patterns_match_as_in_JavaScript(string pattern, string input, bool expected) =>
        Assert.Equal(expected, Matches(pattern, input));

    [Theory]
    [InlineData(@"(?i)abc", "'(?i' is not ECMA-262 syntax")]
    [InlineData(@"(?>a+)b", "'(?>' is not ECMA-262 syntax")]
    [InlineData(@"a(?#note)", "'(?#' is not ECMA-262 syntax")]
    [InlineData(@"(?'n'a)", "'(?'' is not ECMA-262 syntax")]
    [InlineData(@"(?", "'(?' is not ECMA-262 syntax")]
    [InlineData(@"^a\z", @"'\z' is not an ECMA-262 escape; use ^ and $")]
    [InlineData(@"\Aa", @"'\A' is not an ECMA-262 escape")]
    [InlineData(@"a\Z", @"'\Z' is not an ECMA-262 escape")]
    [InlineData(@"\e", @"'\e' is not an ECMA-262 escape")]
    [InlineData(@"[\q]", @"'\q' is not an ECMA-262 escape")]
    [InlineData(@"[\B]", @"'\B' is not an ECMA-262 escape")]
    [InlineData(@"(a)\2", @"'\2' refers to group 2, but the pattern has 1 capturing group")]
    [InlineData(@"\01", @"'\0' followed by a digit")]
    [InlineData(@"\p{Script=Greek}", @"'\p{Script=Greek}' is not supported")]
    [InlineData(@"[\u{1F600}]", "outside the Basic Multilingual Plane")]
    [InlineData(@"(?<a-b>x)", "'(?<a-b' is not a group name")]
    [InlineData(@"\k<", @"'\k' must be followed by a group name")]
    [InlineData("^[a-z", "a '[' has no closing ']'")]
    [InlineData("a\\", "the pattern ends with a lone '\\'")]
    [InlineData("[z-a]", "range in reverse order")]
    [InlineData("([a-z]", "Not enough )'s")]
    public void Patterns_JavaScript_would_reject_or_NET_cannot_compile_are_refused_with_the_reason(string pattern, string reason)
    {
        Assert.Null(EcmaScriptPattern.TryCreate(pattern, TimeSpan.FromSeconds(1), out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_compiled_pattern_has_a_match_timeout()
    {
        var regex = EcmaScriptPattern.TryCreate(@"^(a+)+$", TimeSpan.FromMilliseconds(50), out _);

        Assert.NotNull(regex);
        Assert.Equal(TimeSpan.FromMilliseconds(50), regex.MatchTimeout);
    }
}
