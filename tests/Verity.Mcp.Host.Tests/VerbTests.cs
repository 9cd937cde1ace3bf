using System.Text.Json;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>The person-facing verbs: tools, call and doctor, each as a real process.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class VerbTests(DevStackFixture fixture)
{
    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Tools_json_lists_the_catalog_tools(string variant)
    {
        await using var process = HostProcess.Start(HostVariant.Named(variant), ["tools", "--json"], new Dictionary<string, string?>());

        Assert.Equal(0, await process.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30)));
        using var listing = JsonDocument.Parse(string.Join("\n", process.StdoutLines));
        var names = listing.RootElement.GetProperty("tools").EnumerateArray().Select(tool => tool.GetProperty("name").GetString()!).ToHashSet();
        Assert.Equal(CatalogDocument.Endpoints.Select(CatalogDocument.ToolName).ToHashSet(), names);
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Call_prints_the_result_and_exits_by_its_outcome(string variant)
    {
        await using var ok = HostProcess.Start(HostVariant.Named(variant), ["call", "get_agent", "--args", """{"agentId":"agt_01"}"""], fixture.ServerEnvironment());
        Assert.Equal(0, await ok.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("agt_01", string.Join("\n", ok.StdoutLines), StringComparison.Ordinal);

        await using var failed = HostProcess.Start(HostVariant.Named(variant), ["call", "get_agent", "--args", """{"agentId":"agt_nope"}"""], fixture.ServerEnvironment());
        Assert.Equal(1, await failed.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("404", string.Join("\n", failed.StdoutLines), StringComparison.Ordinal);
    }

    public static TheoryData<string> ToolModes => new() { "all", "dynamic", "auto" };

    /// <summary>The person at the terminal names the tool: the tool mode is about what a client lists, not what call runs.</summary>
    [Theory]
    [MemberData(nameof(ToolModes))]
    public async Task Call_runs_an_endpoint_tool_by_name_in_every_tool_mode(string mode)
    {
        var environment = fixture.ServerEnvironment(("VERITY_TOOL_MODE", mode), ("VERITY_TOOL_MODE_THRESHOLD", "1"));
        await using var ok = HostProcess.Start(HostVariant.Jit, ["call", "get_agent", "--args", """{"agentId":"agt_01"}"""], environment);
        Assert.True(await ok.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30)) == 0, string.Join("\n", ok.StdoutLines.Concat(ok.StderrLines)));
        Assert.Contains("agt_01", string.Join("\n", ok.StdoutLines), StringComparison.Ordinal);

        await using var unknown = HostProcess.Start(HostVariant.Jit, ["call", "get_agents_everywhere"], environment);
        Assert.Equal(2, await unknown.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("There is no tool 'get_agents_everywhere'", string.Join("\n", unknown.StderrLines), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Doctor_passes_against_the_dev_stack_without_showing_the_token(string variant)
    {
        await using var process = HostProcess.Start(HostVariant.Named(variant), ["doctor"], fixture.ServerEnvironment());

        var exitCode = await process.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30));

        var output = string.Join("\n", process.StdoutLines);
        Assert.True(exitCode == 0, output);
        Assert.Contains("sub=user_", output, StringComparison.Ordinal);
        Assert.Contains("sid=sess_", output, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", output, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Stack.SecretKey, output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Doctor_fails_with_a_fix_when_clerk_rejects_the_key(string variant)
    {
        await using var process = HostProcess.Start(HostVariant.Named(variant), ["doctor"], fixture.ServerEnvironment(("CLERK_SECRET_KEY", "sk_test_wrong")));

        Assert.Equal(1, await process.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30)));
        var keyLine = Assert.Single(process.StdoutLines, line => line.Contains("clerk key", StringComparison.Ordinal));
        Assert.StartsWith("fail", keyLine, StringComparison.Ordinal);
        Assert.Contains("CLERK_SECRET_KEY", keyLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_tells_an_unknown_user_to_sign_up_to_the_verity_web_app()
    {
        await using var process = HostProcess.Start(HostVariant.Jit, ["doctor"], fixture.ServerEnvironment(("CLERK_USER_EMAIL", "nobody@example.com")));

        Assert.Equal(1, await process.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30)));
        var output = string.Join("\n", process.StdoutLines);
        Assert.Contains("sign up to the Verity web app with it once", output, StringComparison.Ordinal);
    }

    /// <summary>Paths VERITY_CATALOG_PATH may wrongly name: a directory everywhere; on Linux also files no one can read to the end.</summary>
    public static TheoryData<string, string> UnreadableCatalogs()
    {
        var data = new TheoryData<string, string> { { AppContext.BaseDirectory, "is a directory" } };
        if (OperatingSystem.IsLinux())
        {
            // Readable by permissions (even as root), yet reading fails: the process's own unmapped memory.
            data.Add("/proc/self/mem", "cannot be read");
            // Never ends: must be refused, not read until memory runs out.
            data.Add("/dev/zero", "cannot be read");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UnreadableCatalogs))]
    public async Task Doctor_reports_an_unreadable_catalog_file_as_a_failed_check(string path, string expected)
    {
        await using var process = HostProcess.Start(HostVariant.Jit, ["doctor"], fixture.ServerEnvironment(("VERITY_CATALOG_PATH", path)));

        Assert.Equal(1, await process.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30)));
        var line = Assert.Single(process.StdoutLines, text => text.Contains("catalog file", StringComparison.Ordinal));
        Assert.StartsWith("fail", line, StringComparison.Ordinal);
        Assert.Contains($"VERITY_CATALOG_PATH={path} {expected}", line, StringComparison.Ordinal);
        Assert.Contains(process.StdoutLines, text => text.StartsWith("ok", StringComparison.Ordinal) && text.Contains("token", StringComparison.Ordinal));
        Assert.Equal("1 check(s) failed.", process.StdoutLines[^1]);
    }
}
