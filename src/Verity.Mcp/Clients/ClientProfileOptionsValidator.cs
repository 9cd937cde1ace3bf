using Microsoft.Extensions.Options;

namespace Verity.Mcp.Clients;

/// <summary>Stops the host with one line when <c>VERITY_CLIENT_PROFILE</c> names no profile.</summary>
public sealed class ClientProfileOptionsValidator : IValidateOptions<ClientProfileOptions>
{
    public ValidateOptionsResult Validate(string? name, ClientProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.InvalidValue is { } value
            ? ValidateOptionsResult.Fail(
                $"{ClientProfileOptions.ProfileKey} is '{value}'; set it to one of {string.Join(", ", ClientProfileOptions.Values)}.")
            : ValidateOptionsResult.Success;
    }
}
