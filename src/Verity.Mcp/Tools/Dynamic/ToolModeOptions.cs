using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Verity.Mcp.Tools.Dynamic;

/// <summary>
/// <c>VERITY_TOOL_MODE</c> (<c>auto</c>, the default; <c>all</c>; <c>dynamic</c>) and
/// <c>VERITY_TOOL_MODE_THRESHOLD</c> (in <c>auto</c>, go dynamic above this many tools whatever the client).
/// </summary>
public sealed class ToolModeOptions
{
    public const string ModeKey = "VERITY_TOOL_MODE";
    public const string ThresholdKey = "VERITY_TOOL_MODE_THRESHOLD";

    /// <summary>The setting's accepted values, in the order help and errors show them.</summary>
    public static IReadOnlyList<string> Values { get; } = ["auto", "all", "dynamic"];

    public ToolMode Mode { get; set; } = ToolMode.Auto;

    /// <summary>In <see cref="ToolMode.Auto"/>, more tools than this go dynamic for every client; null for the client limits only.</summary>
    public int? Threshold { get; set; }

    /// <summary>The raw <c>VERITY_TOOL_MODE</c> text when it names no mode, so validation can name it.</summary>
    public string? InvalidMode { get; set; }

    /// <summary>The raw <c>VERITY_TOOL_MODE_THRESHOLD</c> text when it is not a positive whole number.</summary>
    public string? InvalidThreshold { get; set; }

    public static ToolModeOptions FromConfiguration(IConfiguration? configuration)
    {
        var options = new ToolModeOptions();
        options.Read(configuration);
        return options;
    }

    public void Read(IConfiguration? configuration)
    {
        var mode = configuration?[ModeKey]?.Trim();
        if (!string.IsNullOrEmpty(mode))
        {
            if (TryParse(mode, out var parsed))
            {
                Mode = parsed;
                InvalidMode = null;
            }
            else
            {
                InvalidMode = mode;
            }
        }

        var threshold = configuration?[ThresholdKey]?.Trim();
        if (!string.IsNullOrEmpty(threshold))
        {
            if (int.TryParse(threshold, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                Threshold = value;
                InvalidThreshold = null;
            }
            else
            {
                InvalidThreshold = threshold;
            }
        }
    }

    public static bool TryParse(string text, out ToolMode mode)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text.Trim().ToLowerInvariant())
        {
            case "auto":
                mode = ToolMode.Auto;
                return true;
            case "all":
                mode = ToolMode.All;
                return true;
            case "dynamic":
                mode = ToolMode.Dynamic;
                return true;
            default:
                mode = ToolMode.Auto;
                return false;
        }
    }
}
