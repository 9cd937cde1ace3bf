using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Clients;

/// <summary>A real MCP server and client over in-memory pipes: <c>tools/list</c> follows the connecting client's name.</summary>
public sealed class ClientProfileToolsFilterTests
{
    [Fact]
    public async Task Cursor_gets_nullable_arguments_as_anyOf_and_an_unknown_client_the_exact_schema()
    {
        await using var server = await Connection.StartAsync();

        var cursor = await server.ListAsync("cursor-vscode");
        var other = await server.ListAsync("mcp-inspector");

        Assert.Equal(
            """[{"type":"string","format":"email","maxLength":254},{"type":"null"}]""",
            cursor.GetProperty("properties").GetProperty("email").GetProperty("anyOf").GetRawText());
        Assert.True(JsonElement.DeepEquals(Exact(), other), other.GetRawText());
    }

    [Fact]
    public async Task The_setting_forces_one_profile_on_every_client()
    {
        await using var server = await Connection.StartAsync(("VERITY_CLIENT_PROFILE", "gemini"));

        var schema = await server.ListAsync("cursor-vscode");

        var email = schema.GetProperty("properties").GetProperty("email");
        Assert.Equal("string", email.GetProperty("type").GetString());
        Assert.True(email.GetProperty("nullable").GetBoolean());
        Assert.Equal("Format: email.", email.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Forcing_exact_keeps_the_generated_schema_for_cursor_too()
    {
        await using var server = await Connection.StartAsync(("VERITY_CLIENT_PROFILE", "exact"));

        var listed = await server.ListAsync("cursor-vscode");

        Assert.True(JsonElement.DeepEquals(Exact(), listed), listed.GetRawText());
    }

    private static JsonElement Exact() => new UpdateNoteTool().ProtocolTool.InputSchema;

    private sealed class Connection : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly McpServerOptions _options;
        private readonly List<IAsyncDisposable> _open = [];

        private Connection(ServiceProvider services)
        {
            _services = services;
            _options = services.GetRequiredService<IOptions<McpServerOptions>>().Value;
        }

        public static Task<Connection> StartAsync(params (string Key, string Value)[] settings)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(settings.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
                .Build();
            var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
            services.AddMcpServer().WithEndpointTools("Notes", [UpdateNoteTool.Descriptor], () => [new UpdateNoteTool()]);
            return Task.FromResult(new Connection(services.BuildServiceProvider(validateScopes: true)));
        }

        /// <summary>Connects a new client with <paramref name="clientName"/> and returns <c>update_note</c>'s listed input schema.</summary>
        public async Task<JsonElement> ListAsync(string clientName)
        {
            var clientToServer = new Pipe();
            var serverToClient = new Pipe();
            var loggerFactory = _services.GetRequiredService<ILoggerFactory>();
            var server = McpServer.Create(
                new StreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream(), loggerFactory: loggerFactory),
                _options,
                loggerFactory,
                _services);
            _open.Add(server);
            _ = server.RunAsync();
            var client = await McpClient.CreateAsync(
                new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream(), loggerFactory),
                new McpClientOptions { ClientInfo = new Implementation { Name = clientName, Version = "1.0" } });
            _open.Add(client);
            var tools = await client.ListToolsAsync();
            return Assert.Single(tools).ProtocolTool.InputSchema;
        }

        public async ValueTask DisposeAsync()
        {
            for (var i = _open.Count - 1; i >= 0; i--)
            {
                await _open[i].DisposeAsync();
            }

            await _services.DisposeAsync();
        }
    }
}
