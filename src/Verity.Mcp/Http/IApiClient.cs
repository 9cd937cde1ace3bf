namespace Verity.Mcp.Http;

/// <summary>
/// The seam between generated tools and the HTTP pipeline (base URL, auth, resilience, timeouts, size limits).
/// </summary>
public interface IApiClient
{
    /// <summary>
    /// Sends the request and reads the response. Cancellation of <paramref name="cancellationToken"/> aborts
    /// the HTTP request and surfaces as <see cref="OperationCanceledException"/>; a timeout surfaces as
    /// <see cref="ApiTimeoutException"/>; other transport failures as <see cref="HttpRequestException"/>. Either
    /// carries the status when the API had already answered with headers. A failure to get credentials surfaces as
    /// the auth handler's exception, before anything is sent.
    /// </summary>
    Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken);
}
