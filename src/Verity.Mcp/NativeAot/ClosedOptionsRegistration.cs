using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Verity.Mcp.NativeAot;

/// <summary>
/// Closed registrations of the options services for one options type. <c>AddOptions()</c> registers them as open
/// generics (<c>IOptions&lt;&gt;</c> → <c>UnnamedOptionsManager&lt;&gt;</c>, …), which Native AOT can only close at run
/// time through its type loader and construct through reflection: measured, that work was the largest single cost of
/// a server's start. These factories name the closed types in code, so the compiler builds them ahead of time; they
/// behave as the open-generic registrations do (same lifetimes, same lazy creation, validation when a value is made).
/// </summary>
public static class ClosedOptionsRegistration
{
    /// <summary>Registers <see cref="IOptions{TOptions}"/>, <see cref="IOptionsMonitor{TOptions}"/>,
    /// <see cref="IOptionsMonitorCache{TOptions}"/> and <see cref="IOptionsFactory{TOptions}"/> of <typeparamref name="TOptions"/>
    /// as closed types, unless already registered so; safe to call twice.</summary>
    public static IServiceCollection AddClosedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(this IServiceCollection services)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        services.TryAddTransient<IOptionsFactory<TOptions>>(static provider => new OptionsFactory<TOptions>(
            provider.GetServices<IConfigureOptions<TOptions>>(),
            provider.GetServices<IPostConfigureOptions<TOptions>>(),
            provider.GetServices<IValidateOptions<TOptions>>()));
        services.TryAddSingleton<IOptions<TOptions>>(static provider =>
            new UnnamedOptions<TOptions>(provider.GetRequiredService<IOptionsFactory<TOptions>>()));
        services.TryAddSingleton<IOptionsMonitorCache<TOptions>>(static _ => new OptionsCache<TOptions>());
        services.TryAddSingleton<IOptionsMonitor<TOptions>>(static provider => new OptionsMonitor<TOptions>(
            provider.GetRequiredService<IOptionsFactory<TOptions>>(),
            provider.GetServices<IOptionsChangeTokenSource<TOptions>>(),
            provider.GetRequiredService<IOptionsMonitorCache<TOptions>>()));
        return services;
    }

    /// <summary>What <c>UnnamedOptionsManager&lt;T&gt;</c> (internal to Microsoft.Extensions.Options) does: the default-named
    /// value, made on first read; a failed creation is not kept, so the next read tries again.</summary>
    private sealed class UnnamedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IOptionsFactory<TOptions> factory) : IOptions<TOptions>
        where TOptions : class
    {
        private readonly Lock _lock = new();
        private volatile TOptions? _value;

        public TOptions Value
        {
            get
            {
                if (_value is { } value)
                {
                    return value;
                }

                lock (_lock)
                {
                    return _value ??= factory.Create(Options.DefaultName);
                }
            }
        }
    }
}
