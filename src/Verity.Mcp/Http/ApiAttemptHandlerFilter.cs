using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Verity.Mcp.Http;

/// <summary>
/// Puts <see cref="ApiAttemptHandler"/> below every handler configured for the API client, whatever the order in
/// which they were added (the auth handler comes after the resilience handler is registered, yet must run
/// before the attempt's clock starts).
/// </summary>
internal sealed class ApiAttemptHandlerFilter(IOptions<VerityApiOptions> options, TimeProvider timeProvider) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (string.Equals(builder.Name, VerityApiServiceCollectionExtensions.HttpClientName, StringComparison.Ordinal))
        {
            builder.AdditionalHandlers.Add(new ApiAttemptHandler(options.Value.Timeout, timeProvider));
        }
    };
}
