using Microsoft.Extensions.Options;

namespace Verity.Common.Configuration;

/// <summary>
/// The one line a person sees when options fail validation at start (exit 2): every failure, each already naming
/// its setting and the fix, joined without repeats.
/// </summary>
internal static class OptionsFailureText
{
    /// <summary>The line for a validation failure (or several, as start-up validation aggregates them); null for any other exception.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException validation => OneLine(validation.Failures),
        AggregateException aggregate when aggregate.InnerExceptions.All(inner => inner is OptionsValidationException) =>
            OneLine(aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures)),
        _ => null,
    };

    private static string OneLine(IEnumerable<string> failures) =>
        string.Join(" ", failures.Select(failure => failure.ReplaceLineEndings(" ").Trim()).Distinct());
}
