using System.Text.Json;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>Stdout carries JSON-RPC 2.0 only, and neither stream ever shows the secret key or a token.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class StdioHygieneTests(DevStackFixture fixture)
{
    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Stdout_is_json_rpc_only_and_no_secret_is_written(string variant)
    {
        // Trace logging: the most the server ever writes to stderr.
        var session = await ServerSession.StartAsync(HostVariant.Named(variant), fixture.ServerEnvironment(("VERITY_LOG_LEVEL", "Trace")));
        await using (session)
        {
            await session.Client.ListToolsAsync();
            (await session.Client.CallAsync("list_agents")).Json();
            (await session.Client.CallAsync("get_agent", """{"agentId":"agt_01"}""")).Json();
            Assert.True((await session.Client.CallAsync("get_agent", """{"agentId":"agt_missing"}""")).IsError);
            Assert.True((await session.Client.CallAsync("list_agents", """{"limit":0}""")).IsError);
            await session.Client.DisposeAsync();
            Assert.Equal(0, await session.Process.CloseInputAndWaitAsync(TimeSpan.FromSeconds(20)));
        }

        var stdout = session.Process.StdoutLines;
        Assert.NotEmpty(stdout);
        foreach (var line in stdout)
        {
            using var message = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, message.RootElement.ValueKind);
            Assert.Equal("2.0", message.RootElement.GetProperty("jsonrpc").GetString());
        }

        var everything = string.Join("\n", stdout.Concat(session.Process.StderrLines));
        Assert.NotEmpty(session.Process.StderrLines);
        Assert.DoesNotContain(fixture.Stack.SecretKey, everything, StringComparison.Ordinal);
        // Every Clerk session token is a JWT, and every JWT starts with the base64url of '{"': "eyJ".
        Assert.DoesNotContain("eyJ", everything, StringComparison.Ordinal);
    }
}
