using Microsoft.Extensions.Configuration;

namespace Verity.Mcp.Tools;

/// <summary>
/// Which generated tools the server offers: <c>VERITY_TOOLS</c> (comma list of tool names or <c>tag:NAME</c>;
/// empty = all) and <c>VERITY_READ_ONLY=true</c> (only read-only tools). Bound from flat configuration keys.
/// </summary>
public sealed class ToolFilterOptions
{
    public const string ToolsKey = "VERITY_TOOLS";
    public const string ReadOnlyKey = "VERITY_READ_ONLY";
    public const string TagPrefix = "tag:";

    /// <summary>Tool names and <c>tag:NAME</c> entries; empty means every tool.</summary>
    public IReadOnlyList<string> Tools { get; set; } = [];

    public bool ReadOnly { get; set; }

    /// <summary>The raw <c>VERITY_READ_ONLY</c> text when it is not a boolean, so validation can name it.</summary>
    public string? InvalidReadOnlyValue { get; set; }

    public static ToolFilterOptions FromConfiguration(IConfiguration? configuration)
    {
        var options = new ToolFilterOptions();
        options.Read(configuration);
        return options;
    }

    public void Read(IConfiguration? configuration)
    {
        if (configuration is null)
        {
            return;
        }

        Tools = ParseList(configuration[ToolsKey]);
        var readOnly = configuration[ReadOnlyKey]?.Trim();
        if (string.IsNullOrEmpty(readOnly))
        {
            return;
        }

        if (bool.TryParse(readOnly, out var value) || TryParseNumber(readOnly, out value))
        {
            ReadOnly = value;
            InvalidReadOnlyValue = null;
        }
        else
        {
            InvalidReadOnlyValue = readOnly;
        }
    }

    public static IReadOnlyList<string> ParseList(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool TryParseNumber(string text, out bool value)
    {
        value = text == "1";
        return text is "0" or "1";
    }
}
