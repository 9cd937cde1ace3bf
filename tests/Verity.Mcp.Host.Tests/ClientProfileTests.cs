using System.Text.Json;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary>
/// Over real stdio: the server shapes <c>tools/list</c> for the client that connects (by its <c>clientInfo.name</c>,
/// or as <c>VERITY_CLIENT_PROFILE</c> says), and calls still go through the catalog's own argument checks.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ClientProfileTests(DevStackFixture fixture)
{
    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Connected_as_Cursor_update_contact_lists_email_as_anyOf_and_takes_a_string_and_null(string variant)
    {
        await using var session = await ServerSession.StartAsync(HostVariant.Named(variant), fixture.ServerEnvironment(), clientName: "cursor-vscode");
        var client = session.Client;

        var tools = await client.ListToolsAsync();
        var email = tools.Single(tool => tool.Name == "update_contact").ProtocolTool.InputSchema.GetProperty("properties").GetProperty("email");
        Assert.Equal(
            """{"anyOf":[{"type":"string","format":"email","maxLength":254},{"type":"null"}]}""",
            JsonSerializer.Serialize(email));

        var created = (await client.CallAsync("create_contact",
            $$"""{"name":"Cursor Person","phoneNumber":"+15550177","Idempotency-Key":"cursor-{{Guid.NewGuid():N}}"}""")).Json();
        var contactId = created.GetProperty("id").GetString()!;
        try
        {
            var withEmail = (await client.CallAsync("update_contact", $$"""{"contactId":"{{contactId}}","email":"cursor@example.com"}""")).Json();
            Assert.Equal("cursor@example.com", withEmail.GetProperty("email").GetString());

            var cleared = (await client.CallAsync("update_contact", $$"""{"contactId":"{{contactId}}","email":null}""")).Json();
            Assert.True(!cleared.TryGetProperty("email", out var value) || value.ValueKind == JsonValueKind.Null, cleared.GetRawText());

            // The shaped schema is only what Cursor is shown: the catalog's rules still decide.
            var refused = await client.CallAsync("update_contact", $$"""{"contactId":"{{contactId}}","email":42}""");
            Assert.True(refused.IsError, refused.Text());
            Assert.Contains("email", refused.Text(), StringComparison.Ordinal);
        }
        finally
        {
            await client.CallAsync("delete_contact", $$"""{"contactId":"{{contactId}}"}""");
        }
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task The_setting_forces_a_profile_on_a_client_that_would_get_the_exact_schemas(string variant)
    {
        await using var session = await ServerSession.StartAsync(
            HostVariant.Named(variant), fixture.ServerEnvironment(("VERITY_CLIENT_PROFILE", "openai")));

        var client = session.Client;
        var tools = await client.ListToolsAsync();

        var schema = tools.Single(tool => tool.Name == "update_contact").ProtocolTool.InputSchema;
        var properties = schema.GetProperty("properties").EnumerateObject().Select(property => property.Name).ToList();
        Assert.Equal(properties, schema.GetProperty("required").EnumerateArray().Select(name => name.GetString()));
        Assert.Equal("""["string","null"]""", JsonSerializer.Serialize(schema.GetProperty("properties").GetProperty("name").GetProperty("type")));

        // A strict-mode client sends every argument, null for the ones it leaves out: the call does what it meant.
        var created = (await client.CallAsync("create_contact",
            $$"""{"name":"Strict Person","phoneNumber":"+15550178","company":"Before","Idempotency-Key":"strict-{{Guid.NewGuid():N}}"}""")).Json();
        var contactId = created.GetProperty("id").GetString()!;
        try
        {
            var updated = (await client.CallAsync("update_contact",
                $$"""{"contactId":"{{contactId}}","name":null,"phoneNumber":null,"email":"strict@example.com","company":null,"tags":null,"notes":null}""")).Json();
            Assert.Equal("Strict Person", updated.GetProperty("name").GetString());
            Assert.Equal("strict@example.com", updated.GetProperty("email").GetString());
            Assert.True(!updated.TryGetProperty("company", out var company) || company.ValueKind == JsonValueKind.Null, updated.GetRawText());
        }
        finally
        {
            await client.CallAsync("delete_contact", $$"""{"contactId":"{{contactId}}"}""");
        }
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task An_unknown_profile_exits_2_with_one_line_naming_the_setting(string variant)
    {
        await using var process = HostProcess.Start(HostVariant.Named(variant), ["serve", "--VERITY_CLIENT_PROFILE=copilot"], fixture.ServerEnvironment());

        Assert.Equal(2, await process.CloseInputAndWaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Empty(process.StdoutLines);
        var line = Assert.Single(process.StderrLines, text => text.Length > 0);
        Assert.Contains("VERITY_CLIENT_PROFILE is 'copilot'", line, StringComparison.Ordinal);
    }
}
