using System.Text.Json;

namespace Verity.Mcp.Tools;

/// <summary>
/// What a tool's results must be: its declared output schema (a success result carries <c>structuredContent</c> that
/// validates against it, checked before the result goes out), whether a non-object answer is wrapped as
/// <c>result</c>, and the arguments that make an answer smaller. Built once per tool.
/// </summary>
public sealed class ToolResultContract
{
    /// <summary>The property a non-object answer is put under, as the output schema declares it.</summary>
    public const string WrappedResultName = "result";

    private readonly ArgumentValidator? _validator;
    private readonly ShapeCheck? _shapeCheck;

    public ToolResultContract(JsonElement? outputSchema, bool wrapsResult, NarrowingArguments narrowing)
    {
        ArgumentNullException.ThrowIfNull(narrowing);
        if (wrapsResult && outputSchema is null)
        {
            throw new ArgumentException("Only an output schema can wrap the answer as 'result'.", nameof(wrapsResult));
        }

        OutputSchema = outputSchema;
        WrapsResult = wrapsResult;
        Narrowing = narrowing;
        if (outputSchema is { } schema)
        {
            _validator = new ArgumentValidator(schema);
            _shapeCheck = ShapeCheck.TryCompile(schema);
        }
    }

    /// <summary>No output schema and no narrowing arguments: results are text only.</summary>
    public static ToolResultContract None { get; } = new(null, wrapsResult: false, NarrowingArguments.None);

    public JsonElement? OutputSchema { get; }

    public bool WrapsResult { get; }

    public NarrowingArguments Narrowing { get; }

    /// <summary>
    /// The first place where <paramref name="structuredContent"/> breaks the output schema (path from <c>$</c>, rule,
    /// message), or null when it validates or there is no output schema.
    /// </summary>
    public ArgumentError? FirstMismatch(JsonElement structuredContent)
    {
        // Most answers match: the compiled check says so cheaply; the validator says where and why when one does not.
        if (_validator is null || _shapeCheck?.IsValid(structuredContent) == true)
        {
            return null;
        }

        return _validator.ValidateValue(structuredContent, "$") is [var first, ..] ? first : null;
    }
}
