using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Verity.Mcp.Auth;

/// <summary>Reads <see cref="ClerkSignedInUserOptions"/> by hand (Native AOT); a value that does not parse is left to the validator.</summary>
internal static class ClerkSignedInUserOptionsBinder
{
    public static void Bind(IConfiguration configuration, ClerkSignedInUserOptions options)
    {
        if (configuration[ClerkConfigurationKeys.MaxCachedUsers]?.Trim() is { Length: > 0 } maxUsers)
        {
            if (int.TryParse(maxUsers, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                options.MaxCachedUsers = value;
            }
            else
            {
                options.BindingErrors.Add(ClerkSignedInUserOptionsValidator.MaxCachedUsersMessage);
            }
        }

        if (configuration[ClerkConfigurationKeys.UserIdleSeconds]?.Trim() is { Length: > 0 } idle)
        {
            if (int.TryParse(idle, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                options.UserIdleSeconds = value;
            }
            else
            {
                options.BindingErrors.Add(ClerkSignedInUserOptionsValidator.UserIdleSecondsMessage);
            }
        }
    }
}
