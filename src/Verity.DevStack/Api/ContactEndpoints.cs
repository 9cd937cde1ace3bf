using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Verity.DevStack.Api;

/// <summary>Contacts: search, create (with <c>Idempotency-Key</c>), change and delete.</summary>
internal static class ContactEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static void Map(IEndpointRouteBuilder routes, SampleApiStore store)
    {
        routes.MapGet("/api/contacts", context => SearchAsync(context, store));
        routes.MapPost("/api/contacts", context => CreateAsync(context, store));
        routes.MapPatch("/api/contacts/{contactId}", context => UpdateAsync(context, store));
        routes.MapDelete("/api/contacts/{contactId}", context => DeleteAsync(context, store));
    }

    private static Task SearchAsync(HttpContext context, SampleApiStore store)
    {
        var query = new HttpRequestQuery(context.Request.Query);
        var errors = new List<ApiFieldError>();
        var text = query.Text("q", 0, 200, errors);
        var tags = query.Many("tag");
        if (tags.Count > 10 || tags.Any(t => t.Length > 40))
        {
            errors.Add(new("tag", "takes at most 10 tags of 1 to 40 characters."));
        }

        var limit = Paging.Limit(query, errors);
        var offset = Paging.Offset(query, errors);
        if (errors.Count > 0)
        {
            throw SampleApiException.Invalid(errors);
        }

        var contacts = store.Contacts()
            .Where(c => string.IsNullOrWhiteSpace(text) || Matches(c, text.Trim()))
            .Where(c => tags.All(tag => c.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)))
            .ToList();
        var (page, next) = Paging.Slice(contacts, limit, offset);
        return Responses.JsonAsync(context, new ContactPage(page, next), SampleApiJsonContext.Default.ContactPage);
    }

    private static async Task CreateAsync(HttpContext context, SampleApiStore store)
    {
        string? key = context.Request.Headers[IdempotencyKeyHeader];
        if (key is not null && key.Length is < 8 or > 64)
        {
            throw SampleApiException.BadRequest("invalid_idempotency_key", "The Idempotency-Key header must be 8 to 64 characters long.");
        }

        using var body = await JsonBody.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var draft = new ContactDraft(
            body.String("name", required: true, minLength: 1, maxLength: 120)!,
            body.String("phoneNumber", required: true, pattern: JsonBody.E164())!,
            body.String("email", required: false, maxLength: 254, email: true),
            body.String("company", required: false, maxLength: 120),
            body.Tags("tags", maxItems: 20, maxLength: 40) ?? [],
            body.String("notes", required: false, maxLength: 2000));
        body.RejectUnknownProperties();
        body.ThrowIfInvalid();

        var contact = store.CreateContact(draft, key, body.Fingerprint, out var replayed);
        if (replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }

        context.Response.Headers.Location = $"/api/contacts/{contact.Id}";
        await Responses.JsonAsync(context, contact, SampleApiJsonContext.Default.Contact, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static async Task UpdateAsync(HttpContext context, SampleApiStore store)
    {
        var id = Responses.Route(context, "contactId");
        store.FindContact(id);

        using var body = await JsonBody.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var name = body.String("name", required: false, minLength: 1, maxLength: 120);
        var phoneNumber = body.String("phoneNumber", required: false, pattern: JsonBody.E164());
        var email = body.String("email", required: false, maxLength: 254, nullable: true, email: true);
        var company = body.String("company", required: false, maxLength: 120, nullable: true);
        var tags = body.Tags("tags", maxItems: 20, maxLength: 40);
        var notes = body.String("notes", required: false, maxLength: 2000, nullable: true);
        body.RejectUnknownProperties();
        body.ThrowIfInvalid();

        // Only the fields present change; an explicit null clears an optional field.
        var updated = store.UpdateContact(id, contact => contact with
        {
            Name = name ?? contact.Name,
            PhoneNumber = phoneNumber ?? contact.PhoneNumber,
            Email = body.Has("email") ? email : contact.Email,
            Company = body.Has("company") ? company : contact.Company,
            Tags = tags ?? contact.Tags,
            Notes = body.Has("notes") ? notes : contact.Notes,
        });
        await Responses.JsonAsync(context, updated, SampleApiJsonContext.Default.Contact).ConfigureAwait(false);
    }

    private static Task DeleteAsync(HttpContext context, SampleApiStore store)
    {
        var id = Responses.Route(context, "contactId");
        store.DeleteContact(id);
        return Responses.JsonAsync(context, new DeleteResult(id, true), SampleApiJsonContext.Default.DeleteResult);
    }

    private static bool Matches(Contact contact, string text) =>
        contact.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || contact.PhoneNumber.Contains(text, StringComparison.Ordinal)
        || (contact.Email?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
        || (contact.Company?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);
}
