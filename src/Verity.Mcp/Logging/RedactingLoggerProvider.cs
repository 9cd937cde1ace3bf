using Microsoft.Extensions.Logging;
using Verity.Mcp.Http;

namespace Verity.Mcp.Logging;

/// <summary>Wraps a logger provider so that nothing it writes carries a secret (see <see cref="RedactingLogger"/>).</summary>
internal sealed class RedactingLoggerProvider(ILoggerProvider inner, SecretRedactor redactor, bool ownsInner) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redactor);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (inner is ISupportExternalScope scoped)
        {
            scoped.SetScopeProvider(scopeProvider);
        }
    }

    public void Dispose()
    {
        // A provider registered as an instance belongs to whoever made it, as it would without this wrapper.
        if (ownsInner)
        {
            inner.Dispose();
        }
    }
}
