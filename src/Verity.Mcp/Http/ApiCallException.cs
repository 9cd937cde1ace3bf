namespace Verity.Mcp.Http;

/// <summary>
/// A typed client's call got an answer it cannot return: a status outside 2xx, or a 2xx body that does not read as
/// the declared response. It carries what the API said, with secrets redacted from the body text.
/// </summary>
public sealed class ApiCallException : Exception
{
    public ApiCallException(string message, ApiCallDetails details, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        Endpoint = details.Endpoint;
        StatusCode = details.StatusCode;
        ReasonPhrase = details.ReasonPhrase;
        ContentType = details.ContentType;
        Content = details.Content;
    }

    /// <summary>The call as <c>name (METHOD /path/template)</c>.</summary>
    public string Endpoint { get; }

    public int StatusCode { get; }

    public string? ReasonPhrase { get; }

    public string? ContentType { get; }

    /// <summary>The body as text (cut at the configured size limit), secrets redacted; null when the body was empty.</summary>
    public string? Content { get; }

    /// <summary>True when the API answered outside 2xx (false: a 2xx body did not read as the declared response).</summary>
    public bool IsStatusFailure => StatusCode is < 200 or >= 300;
}
