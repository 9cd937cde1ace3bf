using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Verity.Mcp.Telemetry;

namespace Verity.Mcp.Http;

/// <summary>
/// Puts <see cref="ApiAttemptHandler"/> below every handler configured for each API client, whatever the order in
/// which they were added (the auth handler comes after the resilience handler is registered, yet must run
/// before the attempt's clock starts). Each API's attempt limit is its own.
/// </summary>
internal sealed class ApiAttemptHandlerFilter(
    IEnumerable<ApiClientRegistration> registrations, IOptionsMonitor<ApiClientOptions> options, TimeProvider timeProvider, McpMetrics metrics)
    : IHttpMessageHandlerBuilderFilter
{
    private readonly Dictionary<string, string> _optionsByClient = registrations
        .GroupBy(registration => registration.HttpClientName, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.First().OptionsName, StringComparer.Ordinal);

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.Name is { } name && _optionsByClient.TryGetValue(name, out var optionsName))
        {
            builder.AdditionalHandlers.Add(new ApiAttemptHandler(options.Get(optionsName).Timeout, timeProvider, metrics));
        }
    };
}
