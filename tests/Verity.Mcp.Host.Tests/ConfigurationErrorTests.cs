using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>A missing or invalid setting stops the host with exit code 2 and one stderr line naming the setting.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConfigurationErrorTests(DevStackFixture fixture)
{
    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Missing_clerk_secret_key_exits_2_with_one_line(string variant)
    {
        var environment = fixture.ServerEnvironment(("CLERK_SECRET_KEY", null));
        await using var process = HostProcess.Start(HostVariant.Named(variant), ["serve"], environment);

        var exitCode = await process.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, exitCode);
        Assert.Empty(process.StdoutLines);
        var line = Assert.Single(process.StderrLines, text => text.Length > 0);
        Assert.Contains("CLERK_SECRET_KEY", line, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Invalid_timeout_on_the_command_line_exits_2_with_one_line(string variant)
    {
        await using var process = HostProcess.Start(HostVariant.Named(variant), ["serve", "--VERITY_TIMEOUT_SECONDS=soon"], fixture.ServerEnvironment());

        Assert.Equal(2, await process.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30)));
        var line = Assert.Single(process.StderrLines, text => text.Length > 0);
        Assert.Contains("VERITY_TIMEOUT_SECONDS", line, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Unknown_verb_exits_2_with_one_line(string variant)
    {
        await using var process = HostProcess.Start(HostVariant.Named(variant), ["srve"], fixture.ServerEnvironment());

        Assert.Equal(2, await process.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("srve", Assert.Single(process.StderrLines, text => text.Length > 0), StringComparison.Ordinal);
    }
}
