using System.Collections.Generic;
using System.Text;

namespace Verity.Mcp.Tools.Search;

/// <summary>
/// Turns text into search terms: words split at anything but a letter or digit and at camelCase and letter/digit
/// boundaries, lower-cased (invariant), common English words left out, and each word stemmed lightly (plural,
/// -ing, -ed and a final e removed, single letters dropped, so "calls", "called" and "calling" all give "call", and "create" and "created"
/// give "creat"). Shared by the generator, which indexes tools at compile time, and the runtime, which reads a
/// query at call time: both sides must make the same terms from the same words.
/// </summary>
internal static class SearchTerms
{
    /// <summary>Words longer than this are cut: a term is for matching, and a hostile query must stay cheap.</summary>
    public const int MaxTermLength = 40;

    private static readonly HashSet<string> StopWords = new(System.StringComparer.Ordinal)
    {
        "a", "an", "and", "any", "are", "as", "at", "be", "by", "can", "do", "for", "from", "how", "i", "if", "in",
        "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "so", "some", "than", "that", "the", "their",
        "them", "then", "there", "these", "this", "those", "to", "us", "was", "we", "what", "when", "where", "which",
        "while", "who", "will", "with", "you", "your",
    };

    /// <summary>
    /// Short forms and near-synonyms that APIs and the people describing a task use for the same thing, mapped (after
    /// stemming) to one term, so "list pull requests of a repo" meets "List pull requests" of a tool tagged
    /// "repos", and "add a comment" meets "Create a comment".
    /// </summary>
    private static readonly Dictionary<string, string> SameTerms = new(System.StringComparer.Ordinal)
    {
        ["repo"] = "repository",
        ["org"] = "organization",
        ["add"] = "creat",
    };

    /// <summary>The terms of <paramref name="text"/>, in order, repeats kept (the index counts them).</summary>
    public static List<string> Split(string? text, int maxTerms = int.MaxValue)
    {
        var terms = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return terms;
        }

        var word = new StringBuilder();
        var previous = '\0';
        foreach (var c in text!)
        {
            if (terms.Count >= maxTerms)
            {
                return terms;
            }

            if (!char.IsLetterOrDigit(c))
            {
                Flush(word, terms);
                previous = '\0';
                continue;
            }

            // "getCallTranscript" → get, call, transcript; "v2api" → v, 2, api.
            var boundary = previous != '\0'
                && ((char.IsUpper(c) && char.IsLower(previous))
                    || (char.IsDigit(c) != char.IsDigit(previous)));
            if (boundary)
            {
                Flush(word, terms);
            }

            if (word.Length < MaxTermLength)
            {
                word.Append(char.ToLowerInvariant(c));
            }

            previous = c;
        }

        if (terms.Count < maxTerms)
        {
            Flush(word, terms);
        }

        return terms;
    }

    /// <summary>The light stem of one lower-case word.</summary>
    public static string Stem(string word)
    {
        var stem = word;
        if (stem.Length > 4 && stem.EndsWith("ies", System.StringComparison.Ordinal))
        {
            stem = stem.Substring(0, stem.Length - 3) + "y";
        }
        else if (stem.Length > 4 && (stem.EndsWith("sses", System.StringComparison.Ordinal) || stem.EndsWith("xes", System.StringComparison.Ordinal)
            || stem.EndsWith("ches", System.StringComparison.Ordinal) || stem.EndsWith("shes", System.StringComparison.Ordinal)))
        {
            stem = stem.Substring(0, stem.Length - 2);
        }
        else if (stem.Length > 3 && stem[stem.Length - 1] == 's' && !EndsWithAny(stem, "ss", "us", "is"))
        {
            stem = stem.Substring(0, stem.Length - 1);
        }

        if (stem.Length > 5 && stem.EndsWith("ing", System.StringComparison.Ordinal))
        {
            stem = Undouble(stem.Substring(0, stem.Length - 3));
        }
        else if (stem.Length > 4 && stem.EndsWith("ed", System.StringComparison.Ordinal) && !stem.EndsWith("eed", System.StringComparison.Ordinal))
        {
            stem = Undouble(stem.Substring(0, stem.Length - 2));
        }

        if (stem.Length > 3 && stem[stem.Length - 1] == 'e')
        {
            stem = stem.Substring(0, stem.Length - 1);
        }

        return stem;
    }

    private static void Flush(StringBuilder word, List<string> terms)
    {
        if (word.Length == 0)
        {
            return;
        }

        var text = word.ToString();
        word.Clear();
        // A lone letter ("workspace's" → s, "e-mail" → e) matches too much to mean anything.
        if (!StopWords.Contains(text) && (text.Length > 1 || char.IsDigit(text[0])))
        {
            terms.Add(char.IsDigit(text[0]) ? text : Canonical(Stem(text)));
        }
    }

    private static string Canonical(string stem) => SameTerms.TryGetValue(stem, out var same) ? same : stem;

    private static bool EndsWithAny(string word, string first, string second, string third) =>
        word.EndsWith(first, System.StringComparison.Ordinal) || word.EndsWith(second, System.StringComparison.Ordinal)
        || word.EndsWith(third, System.StringComparison.Ordinal);

    // "stopped" → "stopp" → "stop"; but "call" and "pass" keep their double letter.
    private static string Undouble(string stem)
    {
        var length = stem.Length;
        if (length > 2 && stem[length - 1] == stem[length - 2] && stem[length - 1] is not ('l' or 's' or 'z' or 'e' or 'o'))
        {
            return stem.Substring(0, length - 1);
        }

        return stem;
    }
}
