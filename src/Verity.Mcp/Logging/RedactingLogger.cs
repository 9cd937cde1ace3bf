using Microsoft.Extensions.Logging;
using Verity.Mcp.Http;

namespace Verity.Mcp.Logging;

/// <summary>
/// Hands the inner logger a redacted copy of each line: the formatted message, the state's string values (what a
/// structured sink would export) and the exception's text. Only lines that are enabled pay for it.
/// </summary>
internal sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = redactor.Redact(formatter(state, exception));
        var redactedState = new RedactedLogState(message, state as IReadOnlyList<KeyValuePair<string, object?>>, redactor);
        var redactedException = exception is null ? null : new RedactedException(exception, redactor);
        inner.Log(logLevel, eventId, redactedState, redactedException, static (s, _) => s.Message);
    }
}
