using Microsoft.Extensions.Options;
using Verity.Mcp.Host.Configuration;

namespace Verity.Mcp.Host.Cli;

/// <summary>
/// Recognises the failures that mean "fix your command line or configuration" (exit 2) and turns each into the one
/// line the user sees. Option validators already name the setting and the fix.
/// </summary>
internal static class ConfigurationProblem
{
    public static string? Describe(Exception exception) => exception switch
    {
        UsageException usage => usage.Message,
        InvalidSettingException setting => setting.Message,
        OptionsValidationException validation => OneLine(validation.Failures),
        AggregateException aggregate when aggregate.InnerExceptions.All(inner => inner is OptionsValidationException) =>
            OneLine(aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures)),
        _ => null,
    };

    private static string OneLine(IEnumerable<string> failures) =>
        string.Join(" ", failures.Select(failure => failure.ReplaceLineEndings(" ").Trim()).Distinct());
}
