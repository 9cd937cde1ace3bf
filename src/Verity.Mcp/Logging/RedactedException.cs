using Verity.Mcp.Http;

namespace Verity.Mcp.Logging;

/// <summary>
/// Stands in for a logged exception: the same text (type, message, inner exceptions, stack) with secrets removed.
/// Console and structured sinks print <see cref="ToString"/> or <see cref="Exception.Message"/>, both redacted.
/// </summary>
internal sealed class RedactedException(Exception original, SecretRedactor redactor) : Exception(redactor.Redact(original.Message))
{
    private readonly string _text = redactor.Redact(original.ToString());

    /// <summary>The type of the exception that was logged.</summary>
    public Type OriginalType { get; } = original.GetType();

    public override string ToString() => _text;
}
