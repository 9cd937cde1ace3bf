using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Verity.Mcp.Tools;

/// <summary>
/// Rewrites one ECMA-262 pattern, token by token, into a .NET pattern for <see cref="EcmaScriptPattern.Options"/>
/// that matches the same strings, or reports the first construct it cannot carry over (see <see cref="EcmaScriptPattern"/>).
/// </summary>
internal sealed class EcmaScriptPatternTranslator
{
    // ECMA-262 WhiteSpace and LineTerminator: what JavaScript's \s matches (.NET's ECMAScript \s is ASCII only).
    private const string WhiteSpace = @"\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

    // JavaScript's '.' is anything but a line terminator; .NET's is anything but '\n'.
    private const string AnyButLineTerminator = @"[^\n\r\u2028\u2029]";

    // The characters that stand for themselves after a backslash in a u-mode pattern ('-' only in a class, allowed anywhere here).
    private const string SyntaxCharacters = "^$\\.*+?()[]{}|/-";

    private static readonly HashSet<string> GeneralCategories = new(System.StringComparer.Ordinal)
    {
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps", "Pe",
        "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn",
    };

    private static readonly Dictionary<string, string> GeneralCategoryLongNames = new(System.StringComparer.Ordinal)
    {
        ["Letter"] = "L", ["Uppercase_Letter"] = "Lu", ["Lowercase_Letter"] = "Ll", ["Titlecase_Letter"] = "Lt",
        ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo", ["Mark"] = "M", ["Nonspacing_Mark"] = "Mn",
        ["Spacing_Mark"] = "Mc", ["Enclosing_Mark"] = "Me", ["Number"] = "N", ["Decimal_Number"] = "Nd",
        ["Letter_Number"] = "Nl", ["Other_Number"] = "No", ["Punctuation"] = "P", ["Connector_Punctuation"] = "Pc",
        ["Dash_Punctuation"] = "Pd", ["Open_Punctuation"] = "Ps", ["Close_Punctuation"] = "Pe",
        ["Initial_Punctuation"] = "Pi", ["Final_Punctuation"] = "Pf", ["Other_Punctuation"] = "Po", ["Symbol"] = "S",
        ["Math_Symbol"] = "Sm", ["Currency_Symbol"] = "Sc", ["Modifier_Symbol"] = "Sk", ["Other_Symbol"] = "So",
        ["Separator"] = "Z", ["Space_Separator"] = "Zs", ["Line_Separator"] = "Zl", ["Paragraph_Separator"] = "Zp",
        ["Other"] = "C", ["Control"] = "Cc", ["Format"] = "Cf", ["Surrogate"] = "Cs", ["Private_Use"] = "Co",
        ["Unassigned"] = "Cn",
    };

    private readonly string _pattern;
    private readonly StringBuilder _out;
    private int _at;
    private string _problem = string.Empty;

    public EcmaScriptPatternTranslator(string pattern)
    {
        _pattern = pattern;
        _out = new StringBuilder(pattern.Length + 16);
    }

    public string Run(out string problem)
    {
        var groups = CapturingGroups();
        while (_at < _pattern.Length && _problem.Length == 0)
        {
            var c = _pattern[_at];
            switch (c)
            {
                case '\\':
                    Escape(groups);
                    break;
                case '[':
                    Class();
                    break;
                case '(':
                    Group();
                    break;
                case '$':
                    // End of input only: .NET's '$' also matches before a final '\n'.
                    _out.Append(@"\z");
                    _at++;
                    break;
                case '.':
                    _out.Append(AnyButLineTerminator);
                    _at++;
                    break;
                default:
                    _out.Append(c);
                    _at++;
                    break;
            }
        }

        problem = _problem;
        return _problem.Length == 0 ? _out.ToString() : string.Empty;
    }

    private void Fail(string problem)
    {
        if (_problem.Length == 0)
        {
            _problem = problem;
        }
    }

    private void Group()
    {
        if (At(_at + 1) != '?')
        {
            _out.Append('(');
            _at++;
            return;
        }

        var kind = At(_at + 2);
        var next = At(_at + 3);
        if (kind is ':' or '=' or '!' || (kind == '<' && next is '=' or '!'))
        {
            var length = kind == '<' ? 4 : 3;
            _out.Append(_pattern, _at, length);
            _at += length;
            return;
        }

        if (kind == '<')
        {
            var close = _pattern.IndexOf('>', _at + 3);
            var name = close < 0 ? string.Empty : _pattern.Substring(_at + 3, close - _at - 3);
            if (!IsGroupName(name))
            {
                Fail($"'(?<{name}' is not a group name .NET accepts; use letters, digits and '_'");
                return;
            }

            _out.Append("(?<").Append(name).Append('>');
            _at = close + 1;
            return;
        }

        Fail($"'(?{(kind == '\0' ? string.Empty : kind.ToString())}' is not ECMA-262 syntax; only (?:…), (?=…), (?!…), (?<=…), (?<!…) and (?<name>…) are");
    }

    private void Escape(List<string?> groups)
    {
        var e = At(_at + 1);
        switch (e)
        {
            case '\0' when _at + 1 >= _pattern.Length:
                Fail("the pattern ends with a lone '\\'");
                return;
            case 'd' or 'D' or 'w' or 'W' or 'b' or 'B' or 't' or 'n' or 'v' or 'f' or 'r':
                Copy(2);
                return;
            case 's':
                _out.Append('[').Append(WhiteSpace).Append(']');
                _at += 2;
                return;
            case 'S':
                _out.Append("[^").Append(WhiteSpace).Append(']');
                _at += 2;
                return;
            case >= '1' and <= '9':
                var end = _at + 1;
                while (end < _pattern.Length && char.IsDigit(_pattern[end]) && _pattern[end] <= '9')
                {
                    end++;
                }

                var number = int.Parse(_pattern.Substring(_at + 1, end - _at - 1), NumberStyles.None, CultureInfo.InvariantCulture);
                if (number > groups.Count)
                {
                    Fail($"'\\{number}' refers to group {number}, but the pattern has {groups.Count} capturing group{(groups.Count == 1 ? string.Empty : "s")}");
                    return;
                }

                // JavaScript numbers every group from the left; .NET numbers the unnamed ones first, then the named ones.
                var name = groups[number - 1] ?? groups.Take(number).Count(static g => g is null).ToString(CultureInfo.InvariantCulture);
                _out.Append(@"\k<").Append(name).Append('>');
                _at = end;
                return;
            case 'k':
                var close = At(_at + 2) == '<' ? _pattern.IndexOf('>', _at + 3) : -1;
                if (close < 0 || !IsGroupName(_pattern.Substring(_at + 3, close - _at - 3)))
                {
                    Fail("'\\k' must be followed by a group name in <…>");
                    return;
                }

                Copy(close + 1 - _at);
                return;
            default:
                Atom(inClass: false);
                return;
        }
    }

    /// <summary>An escape that is one character (or a property class) both inside and outside a class.</summary>
    private bool Atom(bool inClass)
    {
        var e = At(_at + 1);
        switch (e)
        {
            case '0':
                if (char.IsDigit(At(_at + 2)))
                {
                    Fail("'\\0' followed by a digit is not ECMA-262 syntax; write \\x00 or the digits separately");
                    return false;
                }

                _out.Append(@"\x00");
                _at += 2;
                return true;
            case 'c' when IsAsciiLetter(At(_at + 2)):
                Copy(3);
                return true;
            case 'x' when IsHex(At(_at + 2)) && IsHex(At(_at + 3)):
                Copy(4);
                return true;
            case 'u':
                return UnicodeEscape(inClass);
            case 'p' or 'P':
                return Property();
            default:
                if (SyntaxCharacters.IndexOf(e) >= 0)
                {
                    _out.Append('\\').Append(e);
                    _at += 2;
                    return true;
                }

                var hint = e is 'z' or 'Z' or 'A' or 'G' ? "; use ^ and $ for the start and the end" : string.Empty;
                Fail($"'\\{e}' is not an ECMA-262 escape{hint}");
                return false;
        }
    }

    private bool UnicodeEscape(bool inClass)
    {
        if (IsHex(At(_at + 2)) && IsHex(At(_at + 3)) && IsHex(At(_at + 4)) && IsHex(At(_at + 5)))
        {
            Copy(6);
            return true;
        }

        var close = At(_at + 2) == '{' ? _pattern.IndexOf('}', _at + 3) : -1;
        if (close < 0 || close == _at + 3 || !int.TryParse(_pattern.Substring(_at + 3, close - _at - 3), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code > 0x10FFFF)
        {
            Fail("'\\u' must be followed by four hex digits or a code point in {…}");
            return false;
        }

        if (code <= 0xFFFF)
        {
            _out.Append(@"\u").Append(code.ToString("X4", CultureInfo.InvariantCulture));
        }
        else if (inClass)
        {
            Fail($"'\\u{{{code:X}}}' is outside the Basic Multilingual Plane, which a character class cannot hold here");
            return false;
        }
        else
        {
            var pair = char.ConvertFromUtf32(code);
            _out.Append(@"(?:\u").Append(((int)pair[0]).ToString("X4", CultureInfo.InvariantCulture))
                .Append(@"\u").Append(((int)pair[1]).ToString("X4", CultureInfo.InvariantCulture)).Append(')');
        }

        _at = close + 1;
        return true;
    }

    private bool Property()
    {
        var negated = At(_at + 1) == 'P';
        var close = At(_at + 2) == '{' ? _pattern.IndexOf('}', _at + 3) : -1;
        var name = close < 0 ? string.Empty : _pattern.Substring(_at + 3, close - _at - 3);
        foreach (var prefix in new[] { "General_Category=", "gc=" })
        {
            if (name.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                name = name.Substring(prefix.Length);
            }
        }

        if (GeneralCategoryLongNames.TryGetValue(name, out var shortName))
        {
            name = shortName;
        }

        if (!GeneralCategories.Contains(name))
        {
            Fail(close < 0
                ? "'\\p' must be followed by a property in {…}"
                : $"'\\{(negated ? 'P' : 'p')}{{{_pattern.Substring(_at + 3, close - _at - 3)}}}' is not supported; only general categories such as \\p{{L}} or \\p{{Nd}} are");
            return false;
        }

        _out.Append('\\').Append(negated ? 'P' : 'p').Append('{').Append(name).Append('}');
        _at = close + 1;
        return true;
    }

    /// <summary>
    /// A class, read by JavaScript's rules (the first ']' closes it, so '[]' matches nothing and '[^]' anything;
    /// '[' inside is a literal) and written with every .NET class metacharacter escaped.
    /// </summary>
    private void Class()
    {
        _at++;
        var negated = At(_at) == '^';
        if (negated)
        {
            _at++;
        }

        var members = new StringBuilder();
        var hasNonSpace = false;
        var previousWasChar = false;
        while (true)
        {
            if (_at >= _pattern.Length)
            {
                Fail("a '[' has no closing ']'");
                return;
            }

            var c = _pattern[_at];
            if (c == ']')
            {
                _at++;
                break;
            }

            if (c == '-' && previousWasChar && _at + 1 < _pattern.Length && _pattern[_at + 1] != ']')
            {
                _at++;
                var mark = members.Length;
                if (!ClassMember(members, out var nextIsChar, ref hasNonSpace))
                {
                    return;
                }

                // A range between two characters; next to a class escape JavaScript reads '-' as itself.
                members.Insert(mark, nextIsChar ? "-" : @"\-");
                previousWasChar = false;
                continue;
            }

            if (!ClassMember(members, out previousWasChar, ref hasNonSpace))
            {
                return;
            }
        }

        var set = members.ToString();
        if (hasNonSpace)
        {
            // \S inside a class: the union (or, negated, the intersection) with "not white space" needs a group.
            _out.Append(negated
                ? set.Length == 0 ? "[" + WhiteSpace + "]" : "(?:(?=[" + WhiteSpace + "])[^" + set + "])"
                : set.Length == 0 ? "[^" + WhiteSpace + "]" : "(?:[^" + WhiteSpace + "]|[" + set + "])");
        }
        else if (set.Length == 0)
        {
            _out.Append(negated ? @"[\s\S]" : @"[^\s\S]");
        }
        else
        {
            _out.Append(negated ? "[^" : "[").Append(set).Append(']');
        }
    }

    /// <summary>Appends one class member; <paramref name="single"/> says whether it was one character.</summary>
    private bool ClassMember(StringBuilder members, out bool single, ref bool hasNonSpace)
    {
        single = false;
        var c = _pattern[_at];
        if (c != '\\')
        {
            AppendClassChar(members, c);
            _at++;
            single = true;
            return true;
        }

        var e = At(_at + 1);
        switch (e)
        {
            case 'd' or 'D' or 'w' or 'W':
                members.Append('\\').Append(e);
                _at += 2;
                return true;
            case 's':
                members.Append(WhiteSpace);
                _at += 2;
                return true;
            case 'S':
                hasNonSpace = true;
                _at += 2;
                return true;
            case 'b':
                // Inside a class \b is a backspace, in both languages.
                members.Append(@"\b");
                _at += 2;
                single = true;
                return true;
            case 't' or 'n' or 'v' or 'f' or 'r':
                members.Append('\\').Append(e);
                _at += 2;
                single = true;
                return true;
            case 'p' or 'P':
                return AtomInto(members, inClass: true);
            default:
                single = true;
                return AtomInto(members, inClass: true);
        }
    }

    private bool AtomInto(StringBuilder members, bool inClass)
    {
        var mark = _out.Length;
        if (!Atom(inClass))
        {
            return false;
        }

        var written = _out.ToString(mark, _out.Length - mark);
        _out.Length = mark;
        members.Append(written);
        return true;
    }

    private static void AppendClassChar(StringBuilder members, char c)
    {
        if (c is '\\' or ']' or '[' or '^' or '-')
        {
            members.Append('\\').Append(c);
        }
        else if (c < ' ')
        {
            members.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        else
        {
            members.Append(c);
        }
    }

    /// <summary>The capturing groups from the left, by name (null for an unnamed one).</summary>
    private List<string?> CapturingGroups()
    {
        var groups = new List<string?>();
        for (var i = 0; i < _pattern.Length; i++)
        {
            switch (_pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i++;
                    if (i < _pattern.Length && _pattern[i] == '^')
                    {
                        i++;
                    }

                    while (i < _pattern.Length && _pattern[i] != ']')
                    {
                        i += _pattern[i] == '\\' ? 2 : 1;
                    }

                    break;
                case '(' when At(i + 1) != '?':
                    groups.Add(null);
                    break;
                case '(' when At(i + 2) == '<' && At(i + 3) is not ('=' or '!'):
                    var close = _pattern.IndexOf('>', i + 3);
                    groups.Add(close < 0 ? string.Empty : _pattern.Substring(i + 3, close - i - 3));
                    break;
            }
        }

        return groups;
    }

    private void Copy(int length)
    {
        _out.Append(_pattern, _at, length);
        _at += length;
    }

    private char At(int index) => index < _pattern.Length ? _pattern[index] : '\0';

    private static bool IsGroupName(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
}
