using Microsoft.Extensions.Configuration;
using ModelContextProtocol.Protocol;

namespace Verity.Mcp.Clients;

/// <summary>
/// <c>VERITY_CLIENT_PROFILE</c>: <c>auto</c> (the default) picks a profile per connection from the client's name;
/// <c>exact</c>, <c>cursor</c>, <c>claude</c>, <c>vscode</c>, <c>gemini</c> or <c>openai</c> gives every client that one.
/// </summary>
public sealed class ClientProfileOptions
{
    public const string ProfileKey = "VERITY_CLIENT_PROFILE";
    public const string Auto = "auto";

    /// <summary>The setting's accepted values, in the order help and errors show them.</summary>
    public static IReadOnlyList<string> Values { get; } = [Auto, "exact", "cursor", "claude", "vscode", "gemini", "openai"];

    /// <summary>The profile every client gets, or null to choose per connection.</summary>
    public ClientProfile? Forced { get; set; }

    /// <summary>The raw text when it names no profile, so validation can name it.</summary>
    public string? InvalidValue { get; set; }

    /// <summary>The profile a client gets: the forced one, else the one its name calls for.</summary>
    public ClientProfile ProfileFor(Implementation? clientInfo) => Forced ?? ClientProfileResolver.Resolve(clientInfo);

    public static ClientProfileOptions FromConfiguration(IConfiguration? configuration)
    {
        var options = new ClientProfileOptions();
        options.Read(configuration);
        return options;
    }

    public void Read(IConfiguration? configuration)
    {
        var text = configuration?[ProfileKey]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (TryParse(text, out var profile))
        {
            Forced = profile;
            InvalidValue = null;
        }
        else
        {
            InvalidValue = text;
        }
    }

    /// <summary>Parses a setting value; <c>auto</c> gives a null profile.</summary>
    public static bool TryParse(string text, out ClientProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(text);
        profile = text.Trim().ToLowerInvariant() switch
        {
            "exact" => ClientProfile.Exact,
            "cursor" => ClientProfile.Cursor,
            "claude" => ClientProfile.Claude,
            "vscode" => ClientProfile.VsCode,
            "gemini" => ClientProfile.Gemini,
            "openai" => ClientProfile.OpenAi,
            _ => null,
        };
        return profile is not null || string.Equals(text.Trim(), Auto, StringComparison.OrdinalIgnoreCase);
    }
}
