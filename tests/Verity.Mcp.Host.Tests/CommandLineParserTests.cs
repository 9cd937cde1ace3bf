using Verity.Mcp.Host.Cli;

namespace Verity.Mcp.Host.Tests;

public sealed class CommandLineParserTests
{
    [Fact]
    public void No_arguments_means_serve()
    {
        var line = CommandLineParser.Parse([]);
        Assert.Equal(Verb.Serve, line.Verb);
        Assert.Empty(line.SettingArguments);
    }

    [Fact]
    public void Call_takes_a_tool_and_its_arguments_in_either_form()
    {
        var spaced = CommandLineParser.Parse(["call", "get_agent", "--args", "{\"agentId\":\"a\"}"]);
        var joined = CommandLineParser.Parse(["call", "get_agent", "--args={\"agentId\":\"a\"}"]);

        Assert.Equal((Verb.Call, "get_agent", "{\"agentId\":\"a\"}"), (spaced.Verb, spaced.ToolName, spaced.ToolArguments));
        Assert.Equal(spaced, joined with { SettingArguments = spaced.SettingArguments });
    }

    [Fact]
    public void Settings_are_passed_on_with_their_canonical_names()
    {
        var line = CommandLineParser.Parse(["tools", "--json", "--verity_read_only=true"]);

        Assert.True(line.Json);
        Assert.Equal(["--VERITY_READ_ONLY=true"], line.SettingArguments);
    }

    [Theory]
    [InlineData("srve")]
    [InlineData("--VERITY_BASEURL=x")]
    [InlineData("--CLERK_SECRET_KEY")]
    [InlineData("-x")]
    [InlineData("call")]
    [InlineData("tools --args {}")]
    [InlineData("serve --json")]
    [InlineData("devstack")]
    [InlineData("demo")]
    public void Bad_usage_is_one_clear_error(string arguments)
    {
        var exception = Assert.Throws<UsageException>(() => CommandLineParser.Parse(arguments.Split(' ')));
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Theory]
    [InlineData("--help", "Help")]
    [InlineData("-h", "Help")]
    [InlineData("--version", "Version")]
    [InlineData("doctor", "Doctor")]
    public void Verbs_and_flags(string argument, string verb) =>
        Assert.Equal(verb, CommandLineParser.Parse([argument]).Verb.ToString());
}
