using System.Text.RegularExpressions;

namespace Verity.Mcp.Tools;

/// <summary>
/// A JSON Schema <c>pattern</c> is an ECMA-262 regular expression, written for JavaScript's engine (with the
/// <c>u</c> flag, as JSON Schema 2020-12 asks). <see cref="RegexOptions.ECMAScript"/> makes .NET read <c>\d</c>,
/// <c>\w</c> and <c>\b</c> the JavaScript way (ASCII), but keeps .NET's <c>$</c> (which also matches before a final
/// <c>\n</c>, so <c>"+15550100\n"</c> would pass <c>^\+[0-9]+$</c>), <c>.</c> (which matches <c>\r</c>), an ASCII
/// <c>\s</c>, and accepts syntax JavaScript rejects (<c>(?i)</c>, <c>\z</c>, <c>(?&gt;…)</c>). This rewrites a pattern
/// into one the .NET engine matches exactly as JavaScript would, or says why it cannot.
/// Shared by the runtime (which checks arguments) and the generator (which refuses bad patterns at compile time).
/// </summary>
internal static class EcmaScriptPattern
{
    /// <summary>The options a translated pattern is compiled with.</summary>
    public const RegexOptions Options = RegexOptions.ECMAScript | RegexOptions.CultureInvariant;

    /// <summary>
    /// Compiles <paramref name="pattern"/> with JavaScript's meaning, or returns null and says why in
    /// <paramref name="problem"/>. <paramref name="matchTimeout"/> bounds every match.
    /// </summary>
    public static Regex? TryCreate(string pattern, System.TimeSpan matchTimeout, out string problem)
    {
        if (!TryTranslate(pattern, out var translated, out problem))
        {
            return null;
        }

        try
        {
            return new Regex(translated, Options, matchTimeout);
        }
        catch (System.ArgumentException exception)
        {
            problem = exception.Message;
            return null;
        }
    }

    /// <summary>The .NET pattern (for <see cref="Options"/>) that matches what <paramref name="pattern"/> matches in JavaScript.</summary>
    public static bool TryTranslate(string pattern, out string translated, out string problem)
    {
        var translator = new EcmaScriptPatternTranslator(pattern);
        translated = translator.Run(out problem);
        return problem.Length == 0;
    }
}
