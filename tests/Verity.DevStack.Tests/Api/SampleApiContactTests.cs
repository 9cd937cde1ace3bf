using System.Text.Json;

namespace Verity.DevStack.Tests.Api;

public sealed class SampleApiContactTests(ApiStackFixture fixture) : IClassFixture<ApiStackFixture>
{
    private readonly ApiStack _stack = fixture.Fresh();

    [Fact]
    public async Task A_repeated_create_with_the_same_idempotency_key_returns_the_first_contact()
    {
        const string NewContact = """{"name":"Grace Hopper","phoneNumber":"+15550181","tags":["navy"]}""";
        using var first = await CreateAsync(NewContact, "key-0001-abcd");
        var created = await ApiStack.ReadJsonAsync(first, 201);

        using var again = await CreateAsync(NewContact, "key-0001-abcd");
        var replayed = await ApiStack.ReadJsonAsync(again, 201);
        Assert.Equal(created.GetProperty("id").GetString(), replayed.GetProperty("id").GetString());
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));

        var all = await _stack.GetJsonAsync("/api/contacts?q=15550181");
        Assert.Single(all.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_422()
    {
        using var first = await CreateAsync("""{"name":"Grace Hopper","phoneNumber":"+15550182"}""", "key-0002-abcd");
        await ApiStack.ReadJsonAsync(first, 201);

        using var other = await CreateAsync("""{"name":"Someone Else","phoneNumber":"+15550183"}""", "key-0002-abcd");
        Assert.Equal("idempotency_key_reused", await ApiStack.ErrorCodeAsync(other, 422));
    }

    [Fact]
    public async Task Without_a_key_a_second_create_is_a_duplicate_phone_number_conflict()
    {
        const string NewContact = """{"name":"Grace Hopper","phoneNumber":"+15550184"}""";
        using var first = await CreateAsync(NewContact, null);
        await ApiStack.ReadJsonAsync(first, 201);
        using var second = await CreateAsync(NewContact, null);
        Assert.Equal("duplicate_phone_number", await ApiStack.ErrorCodeAsync(second, 409));
    }

    [Fact]
    public async Task A_short_idempotency_key_is_400()
    {
        using var response = await CreateAsync("""{"name":"Grace Hopper","phoneNumber":"+15550185"}""", "short");
        Assert.Equal("invalid_idempotency_key", await ApiStack.ErrorCodeAsync(response, 400));
    }

    [Fact]
    public async Task Validation_names_every_bad_field()
    {
        using var response = await CreateAsync("""{"name":"","phoneNumber":"12","email":"nope","tags":["a","a"],"color":"red"}""", null);
        var body = await ApiStack.ReadJsonAsync(response, 422);
        var fields = body.GetProperty("error").GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToHashSet();
        Assert.Equal(["color", "email", "name", "phoneNumber", "tags"], fields.Order());
    }

    [Fact]
    public async Task A_non_json_body_is_415()
    {
        using var response = await _stack.SendAsync(HttpMethod.Post, "/api/contacts", configure: r => r.Content = new StringContent("name=x"));
        Assert.Equal("unsupported_media_type", await ApiStack.ErrorCodeAsync(response, 415));
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields_and_null_clears()
    {
        using var response = await _stack.SendAsync(HttpMethod.Patch, "/api/contacts/ct_0001", """{"email":null,"notes":"Call after 9."}""");
        var contact = await ApiStack.ReadJsonAsync(response, 200);
        Assert.Equal(JsonValueKind.Null, contact.GetProperty("email").ValueKind);
        Assert.Equal("Call after 9.", contact.GetProperty("notes").GetString());
        Assert.Equal("Garcia Dental", contact.GetProperty("company").GetString());
        Assert.Equal(_stack.Time.GetUtcNow(), contact.GetProperty("updatedAt").GetDateTimeOffset());

        using var bad = await _stack.SendAsync(HttpMethod.Patch, "/api/contacts/ct_0001", """{"name":null}""");
        Assert.Equal("validation_failed", await ApiStack.ErrorCodeAsync(bad, 422));

        using var missing = await _stack.SendAsync(HttpMethod.Patch, "/api/contacts/ct_9999", """{"notes":"x"}""");
        Assert.Equal("not_found", await ApiStack.ErrorCodeAsync(missing, 404));
    }

    [Fact]
    public async Task Delete_removes_the_contact_and_a_second_delete_is_404()
    {
        using var first = await _stack.SendAsync(HttpMethod.Delete, "/api/contacts/ct_0006");
        var deleted = await ApiStack.ReadJsonAsync(first, 200);
        Assert.True(deleted.GetProperty("deleted").GetBoolean());

        using var second = await _stack.SendAsync(HttpMethod.Delete, "/api/contacts/ct_0006");
        Assert.Equal("not_found", await ApiStack.ErrorCodeAsync(second, 404));
    }

    private Task<HttpResponseMessage> CreateAsync(string json, string? key) =>
        _stack.SendAsync(HttpMethod.Post, "/api/contacts", json, configure: request =>
        {
            if (key is not null)
            {
                request.Headers.Add("Idempotency-Key", key);
            }
        });
}
