using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Verity.Generator.Catalog;

/// <summary>
/// Turns catalog names into C# identifiers deterministically: words split on anything that is not an ASCII letter
/// or digit (<c>my-id</c> → <c>MyId</c>), non-ASCII characters spelled <c>_uXXXX</c>, a leading digit prefixed with
/// <c>_</c> (<c>2fa</c> → <c>_2fa</c>), keywords escaped (<c>@class</c>).
/// </summary>
internal static class Identifiers
{
    public static string ToPascal(string name) => Build(name, upperFirst: true);

    public static string ToCamel(string name)
    {
        var identifier = Build(name, upperFirst: false);
        return SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) is SyntaxKind.VarKeyword
            ? "@" + identifier
            : identifier;
    }

    private static string Build(string name, bool upperFirst)
    {
        var builder = new StringBuilder(name.Length + 4);
        var startOfWord = true;
        foreach (var c in name)
        {
            if (c < 128 && char.IsLetterOrDigit(c))
            {
                if (startOfWord)
                {
                    var first = builder.Length == 0 && !upperFirst ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c);
                    builder.Append(first);
                }
                else
                {
                    builder.Append(c);
                }

                startOfWord = false;
            }
            else if (c >= 128)
            {
                builder.Append("_u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                startOfWord = false;
            }
            else
            {
                startOfWord = true;
            }
        }

        if (builder.Length == 0)
        {
            return upperFirst ? "Value" : "value";
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}

/// <summary>Hands out identifiers unique within one C# scope; a repeat gets a numeric suffix (2, 3, …).</summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _used = new(System.StringComparer.Ordinal);

    public NameScope(params string[] reserved)
    {
        foreach (var name in reserved)
        {
            _used.Add(name);
        }
    }

    public string Reserve(string candidate, params string[] companionSuffixes)
    {
        var escaped = candidate.StartsWith("@", System.StringComparison.Ordinal);
        var bare = Unescape(candidate);
        var name = bare;
        for (var i = 2; !IsFree(name, companionSuffixes); i++)
        {
            name = bare + i.ToString(CultureInfo.InvariantCulture);
        }

        _used.Add(name);
        foreach (var suffix in companionSuffixes)
        {
            _used.Add(name + suffix);
        }

        return escaped && name == bare ? "@" + name : name;
    }

    private bool IsFree(string name, string[] companionSuffixes)
    {
        if (_used.Contains(name))
        {
            return false;
        }

        foreach (var suffix in companionSuffixes)
        {
            if (_used.Contains(name + suffix))
            {
                return false;
            }
        }

        return true;
    }

    private static string Unescape(string name) => name.StartsWith("@", System.StringComparison.Ordinal) ? name.Substring(1) : name;
}
