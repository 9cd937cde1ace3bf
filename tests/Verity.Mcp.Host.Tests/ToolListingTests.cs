using System.Text.Json;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Host.Tests.Infrastructure;

namespace Verity.Mcp.Host.Tests;

/// <summary><c>tools/list</c> over real stdio matches the catalog: names, input schemas keyword for keyword, annotations.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ToolListingTests(DevStackFixture fixture)
{
    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Lists_exactly_the_catalog_tools(string variant)
    {
        var tools = await ListAsync(variant);

        var expected = CatalogDocument.Endpoints.Select(CatalogDocument.ToolName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, tools.Select(tool => tool.Name).Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Input_schemas_carry_every_catalog_keyword(string variant)
    {
        foreach (var tool in await ListAsync(variant))
        {
            var endpoint = CatalogDocument.Endpoint(tool.Name);
            var schema = tool.InputSchema;
            Assert.Equal("object", schema.GetProperty("type").GetString());
            var properties = schema.GetProperty("properties");

            var expectedRequired = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var (name, argumentSchema, description, required) in ExpectedArguments(endpoint))
            {
                Assert.True(properties.TryGetProperty(name, out var actual), $"{tool.Name}: argument '{name}' is missing from inputSchema.");
                var resolved = CatalogDocument.Resolve(actual, schema);
                AssertKeywords(argumentSchema, resolved, schema, $"{tool.Name}.{name}");
                if (description is not null)
                {
                    // A description beside a $ref belongs to the argument; the referenced schema keeps its own.
                    var shown = actual.TryGetProperty("description", out var own) ? own : resolved.GetProperty("description");
                    Assert.Contains(description, shown.GetString(), StringComparison.Ordinal);
                }

                if (required)
                {
                    expectedRequired.Add(name);
                }
            }

            Assert.Equal(ExpectedArguments(endpoint).Count(), properties.EnumerateObject().Count());
            var actualRequired = schema.TryGetProperty("required", out var list)
                ? list.EnumerateArray().Select(item => item.GetString()!).Order(StringComparer.Ordinal).ToList()
                : [];
            Assert.Equal([.. expectedRequired], actualRequired);
        }
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Annotations_follow_the_catalog_and_its_defaults(string variant)
    {
        foreach (var tool in await ListAsync(variant))
        {
            var endpoint = CatalogDocument.Endpoint(tool.Name);
            var method = endpoint.GetProperty("method").GetString()!.ToUpperInvariant();
            var (readOnly, destructive, idempotent) = method switch
            {
                "GET" => (true, false, true),
                "POST" => (false, false, false),
                "PUT" => (false, true, true),
                "PATCH" => (false, true, false),
                "DELETE" => (false, true, true),
                _ => throw new InvalidOperationException(method),
            };
            var openWorld = true;
            if (endpoint.TryGetProperty("annotations", out var annotations))
            {
                readOnly = Hint(annotations, "readOnly", readOnly);
                destructive = Hint(annotations, "destructive", destructive);
                idempotent = Hint(annotations, "idempotent", idempotent);
                openWorld = Hint(annotations, "openWorld", openWorld);
            }

            var actual = tool.Annotations;
            Assert.NotNull(actual);
            Assert.True(readOnly == actual.ReadOnlyHint, $"{tool.Name}: readOnlyHint {actual.ReadOnlyHint}, expected {readOnly}.");
            Assert.True(destructive == actual.DestructiveHint, $"{tool.Name}: destructiveHint {actual.DestructiveHint}, expected {destructive}.");
            Assert.True(idempotent == actual.IdempotentHint, $"{tool.Name}: idempotentHint {actual.IdempotentHint}, expected {idempotent}.");
            Assert.True(openWorld == actual.OpenWorldHint, $"{tool.Name}: openWorldHint {actual.OpenWorldHint}, expected {openWorld}.");
        }
    }

    [Theory]
    [MemberData(nameof(HostVariant.Names), MemberType = typeof(HostVariant))]
    public async Task Server_reports_its_name_and_instructions(string variant)
    {
        var session = await fixture.SessionAsync(variant);

        Assert.Equal("verity", session.Client.ServerInfo?.Name);
        Assert.Contains("Verity", session.Client.ServerInstructions, StringComparison.Ordinal);
        Assert.Contains("initiate_test_call", session.Client.ServerInstructions, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<Tool>> ListAsync(string variant)
    {
        var session = await fixture.SessionAsync(variant);
        var tools = await session.Client.ListToolsAsync();
        return [.. tools.Select(tool => tool.ProtocolTool)];
    }

    private static bool Hint(JsonElement annotations, string name, bool fallback) =>
        annotations.TryGetProperty(name, out var value) ? value.GetBoolean() : fallback;

    /// <summary>The arguments the catalog format promises: parameters, then the body flattened (or as one argument).</summary>
    private static IEnumerable<(string Name, JsonElement Schema, string? Description, bool Required)> ExpectedArguments(JsonElement endpoint)
    {
        if (endpoint.TryGetProperty("parameters", out var parameters))
        {
            foreach (var parameter in parameters.EnumerateArray())
            {
                var required = parameter.GetProperty("in").GetString() == "path"
                    || (parameter.TryGetProperty("required", out var r) && r.GetBoolean());
                var description = parameter.TryGetProperty("description", out var d) ? d.GetString() : null;
                yield return (parameter.GetProperty("name").GetString()!, parameter.GetProperty("schema"), description, required);
            }
        }

        if (!endpoint.TryGetProperty("body", out var body))
        {
            yield break;
        }

        var bodyRequired = body.TryGetProperty("required", out var br) && br.GetBoolean();
        var bodySchema = CatalogDocument.Resolve(body.GetProperty("schema"), CatalogDocument.Root);
        if (endpoint.TryGetProperty("bodyParameter", out var bodyParameter))
        {
            yield return (bodyParameter.GetString()!, body.GetProperty("schema"), null, bodyRequired);
            yield break;
        }

        var requiredProperties = bodySchema.TryGetProperty("required", out var rp)
            ? rp.EnumerateArray().Select(item => item.GetString()).ToHashSet()
            : [];
        foreach (var property in bodySchema.GetProperty("properties").EnumerateObject())
        {
            yield return (property.Name, property.Value, null, bodyRequired && requiredProperties.Contains(property.Name));
        }
    }

    /// <summary>Every keyword of the catalog schema is in the tool's schema with the same meaning (references followed on both sides).</summary>
    private static void AssertKeywords(JsonElement expected, JsonElement actual, JsonElement actualRoot, string where)
    {
        expected = CatalogDocument.Resolve(expected, CatalogDocument.Root);
        actual = CatalogDocument.Resolve(actual, actualRoot);
        foreach (var keyword in expected.EnumerateObject())
        {
            Assert.True(actual.TryGetProperty(keyword.Name, out var value), $"{where}: keyword '{keyword.Name}' is missing.");
            switch (keyword.Name)
            {
                case "properties":
                    foreach (var property in keyword.Value.EnumerateObject())
                    {
                        Assert.True(value.TryGetProperty(property.Name, out var actualProperty), $"{where}: property '{property.Name}' is missing.");
                        AssertKeywords(property.Value, actualProperty, actualRoot, $"{where}.{property.Name}");
                    }

                    break;
                case "items" or "additionalProperties" or "not" when keyword.Value.ValueKind == JsonValueKind.Object:
                    AssertKeywords(keyword.Value, value, actualRoot, $"{where}/{keyword.Name}");
                    break;
                case "oneOf" or "anyOf" or "allOf":
                    var expectedItems = keyword.Value.EnumerateArray().ToList();
                    var actualItems = value.EnumerateArray().ToList();
                    Assert.Equal(expectedItems.Count, actualItems.Count);
                    for (var i = 0; i < expectedItems.Count; i++)
                    {
                        AssertKeywords(expectedItems[i], actualItems[i], actualRoot, $"{where}/{keyword.Name}[{i}]");
                    }

                    break;
                case "description":
                    Assert.Contains(keyword.Value.GetString()!, value.GetString(), StringComparison.Ordinal);
                    break;
                default:
                    Assert.True(JsonElement.DeepEquals(keyword.Value, value),
                        $"{where}: keyword '{keyword.Name}' is {value.GetRawText()}, the catalog says {keyword.Value.GetRawText()}.");
                    break;
            }
        }
    }
}
