using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Verity.Mcp.HttpServer.Configuration;
using Verity.Mcp.HttpServer.Guards;

namespace Verity.Mcp.HttpServer.Tests;

/// <summary>How the settings are read and checked: listening addresses, the MCP path, the Host and Origin lists.</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://localhost:0", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://127.8.9.10:80", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://192.168.1.2:8080", false)]
    [InlineData("http://localhost.example.com:8080", false)]
    public void Only_loopback_addresses_count_as_loopback(string address, bool loopback) =>
        Assert.Equal(loopback, ListeningAddressList.IsLoopback(address));

    [Fact]
    public void Ports_alone_and_kestrel_endpoints_are_listening_addresses_too()
    {
        var configuration = Configuration(("http_ports", "8080"), ("Kestrel:Endpoints:Main:Url", "http://10.0.0.5:9000"), ("urls", "http://127.0.0.1:1;http://localhost:2"));

        var addresses = ListeningAddressList.Read(configuration);

        Assert.Equal(["http://127.0.0.1:1", "http://localhost:2", "http://*:8080", "http://10.0.0.5:9000"], addresses);
        Assert.Equal([ListeningAddressList.KestrelDefault], ListeningAddressList.Read(Configuration()));
    }

    [Theory]
    [InlineData(null, "/mcp")]
    [InlineData("https://mcp.example.com/mcp", "/mcp")]
    [InlineData("https://mcp.example.com/", "/mcp")]
    [InlineData("https://example.com/tools/verity/", "/tools/verity")]
    public void The_mcp_path_is_the_public_urls_path(string? publicUrl, string path)
    {
        var options = HttpServerOptions.Read(Configuration(("VERITY_HTTP_PUBLIC_URL", publicUrl)));

        Assert.Equal(path, options.McpPath);
    }

    [Fact]
    public void The_oauth_host_list_is_the_public_host_plus_the_configured_ones()
    {
        var hosts = new HostAllowList(HttpServerOptions.Read(Configuration(
            ("VERITY_HTTP_PUBLIC_URL", "https://MCP.example.com/mcp"),
            ("VERITY_HTTP_ALLOWED_HOSTS", "internal.example:8443, [::1]"))));

        Assert.True(hosts.Allows(new HostString("mcp.example.com")));
        Assert.True(hosts.Allows(new HostString("mcp.example.com:443")));
        Assert.True(hosts.Allows(new HostString("internal.example:8443")));
        Assert.False(hosts.Allows(new HostString("internal.example:8080")));
        Assert.True(hosts.Allows(new HostString("[::1]:9000")));
        Assert.False(hosts.Allows(new HostString("localhost")));
        Assert.False(hosts.Allows(default));
    }

    [Fact]
    public void The_oauth_origin_list_is_the_public_origin_plus_the_configured_ones()
    {
        var origins = new OriginAllowList(HttpServerOptions.Read(Configuration(
            ("VERITY_HTTP_PUBLIC_URL", "https://mcp.example.com/mcp"),
            ("VERITY_HTTP_ALLOWED_ORIGINS", "https://app.example.com"))));

        Assert.True(origins.Allows("https://mcp.example.com"));
        Assert.True(origins.Allows("https://app.example.com:443"));
        Assert.False(origins.Allows("http://app.example.com"));
        Assert.False(origins.Allows("http://localhost:6274")); // loopback pages only in the local mode
        Assert.False(origins.Allows("null"));
    }

    [Fact]
    public void Every_bad_setting_is_named_at_once()
    {
        var options = HttpServerOptions.Read(Configuration(
            ("VERITY_HTTP_AUTH", "oauth"),
            ("VERITY_HTTP_PUBLIC_URL", "https://mcp.example.com/mcp?x=1"),
            ("CLERK_FRONTEND_API_URL", "http://clerk.example.com"),
            ("VERITY_HTTP_READ_SCOPE", "tools read"),
            ("VERITY_HTTP_RATE_LIMIT_PER_MINUTE", "0"),
            ("VERITY_LOG_LEVEL", "loud")));

        var result = new HttpServerOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Collection(
            result.Failures!,
            failure => Assert.StartsWith("VERITY_HTTP_PUBLIC_URL", failure, StringComparison.Ordinal),
            failure => Assert.StartsWith("CLERK_FRONTEND_API_URL", failure, StringComparison.Ordinal),
            failure => Assert.StartsWith("VERITY_HTTP_READ_SCOPE", failure, StringComparison.Ordinal),
            failure => Assert.StartsWith("VERITY_HTTP_RATE_LIMIT_PER_MINUTE", failure, StringComparison.Ordinal),
            failure => Assert.StartsWith("VERITY_LOG_LEVEL", failure, StringComparison.Ordinal));
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
