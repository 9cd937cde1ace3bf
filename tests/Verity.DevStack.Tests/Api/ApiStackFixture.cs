namespace Verity.DevStack.Tests.Api;

/// <summary>
/// One dev stack per test class (starting one costs an RSA key generation, slow on a busy machine). Tests in a
/// class run one at a time; each starts from empty recordings and no faults, and keeps its own data apart.
/// </summary>
public sealed class ApiStackFixture : IAsyncLifetime
{
    private ApiStack? _stack;

    internal ApiStack Stack => _stack ?? throw new InvalidOperationException("The stack is not running.");

    public async Task InitializeAsync() => _stack = await ApiStack.StartAsync(o => o.EnableTestControl = true);

    public async Task DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }

    /// <summary>The shared stack with its recordings and faults cleared.</summary>
    internal ApiStack Fresh()
    {
        Stack.Host.Api.Requests.Clear();
        Stack.Host.Api.Faults.Clear();
        return Stack;
    }
}
