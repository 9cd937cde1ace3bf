namespace Verity.DevStack.Clerk;

/// <summary>
/// A JWT template known to the emulated instance (<c>POST /v1/sessions/{id}/tokens/{name}</c>).
/// Claim values may use Clerk shortcodes: <c>{{user.id}}</c>, <c>{{session.id}}</c>,
/// <c>{{user.primary_email_address}}</c>, <c>{{user.first_name}}</c>, <c>{{user.last_name}}</c>.
/// </summary>
/// <param name="Name">The template name used in the URL.</param>
/// <param name="LifetimeSeconds">The token lifetime when the request does not ask for one (Clerk's default is 60).</param>
/// <param name="Claims">Custom claims added to Clerk's default template claims; values are strings.</param>
public sealed record ClerkJwtTemplate(string Name, int LifetimeSeconds = 60, IReadOnlyDictionary<string, string>? Claims = null);
