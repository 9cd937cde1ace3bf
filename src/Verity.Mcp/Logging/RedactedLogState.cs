using System.Collections;
using Verity.Mcp.Http;

namespace Verity.Mcp.Logging;

/// <summary>A log line's state with its string values redacted; <see cref="ToString"/> is the redacted message.</summary>
internal sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _values;

    public RedactedLogState(string message, IReadOnlyList<KeyValuePair<string, object?>>? values, SecretRedactor redactor)
    {
        Message = message;
        _values = values is null
            ? []
            : [.. values.Select(pair => pair.Value is string text && pair.Key != "{OriginalFormat}"
                ? new KeyValuePair<string, object?>(pair.Key, redactor.Redact(text))
                : pair)];
    }

    public string Message { get; }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;
}
