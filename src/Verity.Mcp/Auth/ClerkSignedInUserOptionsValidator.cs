using System.Globalization;
using Microsoft.Extensions.Options;

namespace Verity.Mcp.Auth;

/// <summary>Checks <see cref="ClerkSignedInUserOptions"/> at start: one line per bad setting, naming it.</summary>
internal sealed class ClerkSignedInUserOptionsValidator : IValidateOptions<ClerkSignedInUserOptions>
{
    internal static readonly string MaxCachedUsersMessage = string.Create(CultureInfo.InvariantCulture,
        $"{ClerkConfigurationKeys.MaxCachedUsers} must be a whole number from {ClerkSignedInUserOptions.MinMaxCachedUsers} to {ClerkSignedInUserOptions.MaxMaxCachedUsers} (default {ClerkSignedInUserOptions.DefaultMaxCachedUsers}): how many signed-in users' session tokens are cached at once; set e.g. 1000, or remove it.");

    internal static readonly string UserIdleSecondsMessage = string.Create(CultureInfo.InvariantCulture,
        $"{ClerkConfigurationKeys.UserIdleSeconds} must be a whole number of seconds from {ClerkSignedInUserOptions.MinUserIdleSeconds} to {ClerkSignedInUserOptions.MaxUserIdleSeconds} (default {ClerkSignedInUserOptions.DefaultUserIdleSeconds}): how long an idle user's session tokens stay cached; set e.g. 900, or remove it.");

    public ValidateOptionsResult Validate(string? name, ClerkSignedInUserOptions options)
    {
        var failures = new List<string>(options.BindingErrors);
        if (options.MaxCachedUsers is < ClerkSignedInUserOptions.MinMaxCachedUsers or > ClerkSignedInUserOptions.MaxMaxCachedUsers)
        {
            failures.Add(MaxCachedUsersMessage);
        }

        if (options.UserIdleSeconds is < ClerkSignedInUserOptions.MinUserIdleSeconds or > ClerkSignedInUserOptions.MaxUserIdleSeconds)
        {
            failures.Add(UserIdleSecondsMessage);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
