using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Verity.Mcp.Http;
using Verity.Mcp.NativeAot;

namespace Verity.Mcp.Logging;

public static class SecretRedactionLoggingExtensions
{
    /// <summary>
    /// Passes every log line of the providers added so far through <see cref="SecretRedactor"/>: the message, string
    /// state values and the exception text. Call it after the providers are added. The configured secrets are those
    /// the runtime's registrations add to <see cref="SecretRedactionOptions"/>; tokens are added as they are used.
    /// </summary>
    public static ILoggingBuilder RedactSecrets(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        var services = logging.Services;
        services.AddClosedOptions<SecretRedactionOptions>();
        services.TryAddSingleton<SecretRedactor>();

        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(ILoggerProvider) || descriptor.IsKeyedService)
            {
                continue;
            }

            services[i] = ServiceDescriptor.Singleton<ILoggerProvider>(provider =>
                new RedactingLoggerProvider(Create(provider, descriptor, out var owned), provider.GetRequiredService<SecretRedactor>(), owned));
        }

        return logging;
    }

    private static ILoggerProvider Create(IServiceProvider provider, ServiceDescriptor descriptor, out bool owned)
    {
        owned = descriptor.ImplementationInstance is null;
        if (descriptor.ImplementationInstance is ILoggerProvider instance)
        {
            return instance;
        }

        if (descriptor.ImplementationFactory is { } factory)
        {
            return (ILoggerProvider)factory(provider);
        }

        return (ILoggerProvider)ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);
    }
}
