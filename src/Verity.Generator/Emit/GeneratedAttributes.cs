namespace Verity.Generator.Emit;

/// <summary>
/// The attributes a reader and the tools expect on generated code: <c>[GeneratedCode]</c> on each generated type
/// (analyzers and coverage skip it), and <c>[EditorBrowsable(Never)]</c> on plumbing only generated code calls.
/// </summary>
internal static class GeneratedAttributes
{
    /// <summary>The generator's assembly version, as System.Text.Json's generator writes its own.</summary>
    public static readonly string GeneratedCode =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"Verity.Generator\", \"{typeof(GeneratedAttributes).Assembly.GetName().Version}\")]";

    public const string HiddenFromIntelliSense =
        "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";
}
