using System.Net.Http.Headers;
using System.Text;

namespace Verity.Load;

/// <summary>
/// What a virtual client calls in a loop: the sample API directly (the baseline), or an MCP server over streamable
/// HTTP with one tools/call per request (stateless: an initialize first, as a client does, then calls; no session).
/// Each user has its own credential for the target (a session token for the API, an OAuth access token whose
/// audience is the server's URL for an MCP server).
/// </summary>
internal sealed class LoadTarget(string name, string url, bool isMcp, IReadOnlyList<string> credentials)
{
    private const string ProtocolVersion = "2025-06-18";

    private static readonly byte[] Initialize = Encoding.UTF8.GetBytes(
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + ProtocolVersion
            + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"verity-load\",\"version\":\"1.0\"}}}");

    private static readonly byte[] ToolCall = Encoding.UTF8.GetBytes(
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_agent","arguments":{"agentId":"agt_01"}}}""");

    public string Name { get; } = name;

    /// <summary>Sends what a client sends once before its calls (nothing for the API); throws when it is refused.</summary>
    public async Task PrepareAsync(HttpClient http, int user)
    {
        if (!isMcp)
        {
            return;
        }

        using var response = await http.SendAsync(Post(Initialize, user)).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || !body.Contains("\"result\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Name} refused initialize: {(int)response.StatusCode} {body}");
        }
    }

    /// <summary>One call; false when it did not give the agent (an HTTP error, a JSON-RPC error or a tool error).</summary>
    public async Task<bool> CallAsync(HttpClient http, int user)
    {
        using var request = isMcp ? Post(ToolCall, user) : Get(user);
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return response.IsSuccessStatusCode
            && body.Contains("agt_01", StringComparison.Ordinal)
            && (!isMcp || (body.Contains("\"result\"", StringComparison.Ordinal) && !body.Contains("\"isError\":true", StringComparison.Ordinal)));
    }

    private HttpRequestMessage Post(byte[] message, int user)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(message) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials[user]);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", ProtocolVersion);
        return request;
    }

    private HttpRequestMessage Get(int user)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials[user]);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }
}
