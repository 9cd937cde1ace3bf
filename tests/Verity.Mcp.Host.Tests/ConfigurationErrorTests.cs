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
    public async Task A_live_key_without_a_pinned_user_exits_2_with_one_line_naming_the_three_settings(string variant)
    {
        const string liveKey = "sk_live_0123456789abcdefHOSTTEST";
        await using var process = HostProcess.Start(HostVariant.Named(variant), ["serve"], fixture.ServerEnvironment(("CLERK_SECRET_KEY", liveKey)));

        Assert.Equal(2, await process.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Empty(process.StdoutLines);
        var line = Assert.Single(process.StderrLines, text => text.Length > 0);
        Assert.Contains("CLERK_USER_ID, CLERK_USER_EMAIL or CLERK_SESSION_ID", line, StringComparison.Ordinal);
        Assert.DoesNotContain(liveKey, line, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Plain_http_to_another_machine_exits_2_with_one_line_naming_the_setting(string variant)
    {
        foreach (var setting in new[] { "VERITY_BASE_URL", "CLERK_API_URL" })
        {
            await using var process = HostProcess.Start(HostVariant.Named(variant), ["serve"], fixture.ServerEnvironment((setting, "http://api.example.test")));

            Assert.Equal(2, await process.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30)));
            var line = Assert.Single(process.StderrLines, text => text.Length > 0);
            Assert.StartsWith($"verity-mcp: {setting} 'http://api.example.test", line, StringComparison.Ordinal);
            Assert.Contains("plain http", line, StringComparison.Ordinal);
        }
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
