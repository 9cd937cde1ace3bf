using System.Text.Json;
using Json.Schema;

namespace Verity.Mcp.Tests.Results;

/// <summary>
/// JSON Schema 2020-12 validation by an independent implementation (JsonSchema.Net), with <c>format</c> asserted as
/// the TypeScript SDK's Ajv does, so a result is checked the way a strict client checks it, not by our own validator.
/// </summary>
internal static class IndependentSchemaValidator
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>Every failure as "instance location: keyword message"; empty when the instance is valid.</summary>
    public static IReadOnlyList<string> Problems(JsonElement schema, JsonElement instance)
    {
        var results = JsonSchema.Build(schema).Evaluate(instance, Options);
        if (results.IsValid)
        {
            return [];
        }

        var problems = new List<string>();
        foreach (var detail in (results.Details ?? []).Prepend(results))
        {
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                problems.Add($"{detail.InstanceLocation}: {keyword} {message}");
            }
        }

        return problems.Count > 0 ? problems : ["invalid (no detail)"];
    }

    public static void AssertValid(JsonElement schema, JsonElement instance)
    {
        var problems = Problems(schema, instance);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + instance.GetRawText());
    }
}
