using Verity.DevStack.Cli;

namespace Verity.Mcp.Host.Tests;

/// <summary>verity-devstack's command line: two verbs, and <c>--server</c> for the demo only.</summary>
public sealed class DevStackCommandLineTests
{
    [Theory]
    [InlineData("run", "Run", null)]
    [InlineData("demo", "Demo", null)]
    [InlineData("demo --server ./verity-mcp", "Demo", "./verity-mcp")]
    [InlineData("demo --server=./verity-mcp", "Demo", "./verity-mcp")]
    [InlineData("--help", "Help", null)]
    [InlineData("run -h", "Help", null)]
    public void Verbs_and_options(string arguments, string verb, string? serverPath)
    {
        var line = CommandLine.Parse(arguments.Split(' '));

        Assert.Equal((verb, serverPath), (line.Verb.ToString(), line.ServerPath));
    }

    [Theory]
    [InlineData("")]
    [InlineData("devstack")]
    [InlineData("serve")]
    [InlineData("run demo")]
    [InlineData("run --server ./verity-mcp")]
    [InlineData("demo --server")]
    [InlineData("demo --verbose")]
    public void Bad_usage_is_one_clear_error(string arguments)
    {
        var exception = Assert.Throws<UsageException>(() => CommandLine.Parse(arguments.Length == 0 ? [] : arguments.Split(' ')));
        Assert.DoesNotContain('\n', exception.Message);
    }
}
