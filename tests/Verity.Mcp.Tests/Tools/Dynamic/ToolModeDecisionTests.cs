using Microsoft.Extensions.Configuration;
using Verity.Mcp.Clients;
using Verity.Mcp.Tools;
using Verity.Mcp.Tools.Dynamic;

namespace Verity.Mcp.Tests.Tools.Dynamic;

/// <summary>Which mode a connection gets, per client profile and threshold, and how the settings are read and refused.</summary>
public sealed class ToolModeDecisionTests
{
    [Theory]
    [InlineData(ClientProfile.VsCode, 128, false)]
    [InlineData(ClientProfile.VsCode, 129, true)]
    [InlineData(ClientProfile.OpenAi, 128, false)]
    [InlineData(ClientProfile.OpenAi, 129, true)]
    [InlineData(ClientProfile.Gemini, 64, false)]
    [InlineData(ClientProfile.Gemini, 65, true)]
    [InlineData(ClientProfile.Cursor, 40, false)]
    [InlineData(ClientProfile.Cursor, 41, true)]
    [InlineData(ClientProfile.Claude, 5000, false)]
    [InlineData(ClientProfile.Exact, 5000, false)]
    public void Auto_goes_dynamic_above_the_clients_limit(ClientProfile profile, int tools, bool dynamic) =>
        Assert.Equal(dynamic, ToolModeSelector.GoesDynamic(new ToolModeOptions(), profile, tools));

    [Theory]
    [InlineData(ClientProfile.Exact, 20, false)]
    [InlineData(ClientProfile.Exact, 21, true)]
    [InlineData(ClientProfile.Claude, 21, true)]
    [InlineData(ClientProfile.VsCode, 21, true)]
    public void Auto_goes_dynamic_above_the_threshold_for_every_client(ClientProfile profile, int tools, bool dynamic) =>
        Assert.Equal(dynamic, ToolModeSelector.GoesDynamic(Read(("VERITY_TOOL_MODE_THRESHOLD", "20")), profile, tools));

    [Fact]
    public void All_and_dynamic_ignore_the_client_and_the_count()
    {
        Assert.False(ToolModeSelector.GoesDynamic(Read(("VERITY_TOOL_MODE", "all"), ("VERITY_TOOL_MODE_THRESHOLD", "1")), ClientProfile.VsCode, 10_000));
        Assert.True(ToolModeSelector.GoesDynamic(Read(("VERITY_TOOL_MODE", "Dynamic")), ClientProfile.Exact, 1));
        Assert.Equal(ToolMode.Auto, Read().Mode);
    }

    [Theory]
    [InlineData("VERITY_TOOL_MODE", "lazy", "VERITY_TOOL_MODE is 'lazy'; set it to one of auto, all, dynamic.")]
    [InlineData("VERITY_TOOL_MODE_THRESHOLD", "0", "VERITY_TOOL_MODE_THRESHOLD is '0'; set it to a whole number of tools above 0, or leave it unset.")]
    [InlineData("VERITY_TOOL_MODE_THRESHOLD", "-3", "VERITY_TOOL_MODE_THRESHOLD is '-3'; set it to a whole number of tools above 0, or leave it unset.")]
    [InlineData("VERITY_TOOL_MODE_THRESHOLD", "many", "VERITY_TOOL_MODE_THRESHOLD is 'many'; set it to a whole number of tools above 0, or leave it unset.")]
    public void A_bad_setting_fails_with_one_line_naming_it(string key, string value, string message)
    {
        var result = new ToolModeOptionsValidator([]).Validate(null, Read((key, value)));

        Assert.True(result.Failed);
        Assert.Equal(message, result.FailureMessage);
    }

    [Fact]
    public void A_catalog_tool_named_like_a_dynamic_tool_fails_unless_the_mode_is_all()
    {
        var sets = new[] { new EndpointToolSet("Clashing", [NumberedTool.Descriptor("list_items"), NumberedTool.Descriptor("Search_API_Endpoints")]) };
        var validator = new ToolModeOptionsValidator(sets);

        var auto = validator.Validate(null, Read());
        var all = validator.Validate(null, Read(("VERITY_TOOL_MODE", "all")));

        Assert.True(auto.Failed);
        Assert.Equal(
            "The tool 'Search_API_Endpoints' has the name of a dynamic tool (search_api_endpoints, describe_api_endpoint, call_api_endpoint), " +
            "which VERITY_TOOL_MODE=auto would list; rename the endpoint (its tool name in the catalog) or set VERITY_TOOL_MODE=all.",
            auto.FailureMessage);
        Assert.True(all.Succeeded);
    }

    private static ToolModeOptions Read(params (string Key, string Value)[] settings) =>
        ToolModeOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
            .Build());
}
