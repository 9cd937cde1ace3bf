// Answers each request line by its method with a canned result carrying the request's id; ignores notifications.
// Enough for a client that sends initialize, notifications/initialized and tools/list, and nothing more.
const string InitializeResult =
    """{"protocolVersion":"2025-06-18","capabilities":{"tools":{}},"serverInfo":{"name":"trivial","version":"1.0.0"}}""";
const string ToolsListResult =
    """{"tools":[{"name":"echo","description":"Echoes the message back.","inputSchema":{"type":"object","properties":{"message":{"type":"string"}},"required":["message"]}}]}""";

var output = Console.OpenStandardOutput();
using var writer = new StreamWriter(output) { AutoFlush = true };
while (Console.In.ReadLine() is { } line)
{
    var result = line.Contains("\"method\":\"initialize\"", StringComparison.Ordinal) ? InitializeResult
        : line.Contains("\"method\":\"tools/list\"", StringComparison.Ordinal) ? ToolsListResult
        : null;
    if (result is not null)
    {
        writer.Write("{\"jsonrpc\":\"2.0\",\"id\":" + Id(line) + ",\"result\":" + result + "}\n");
    }
}

// The raw JSON value after "id": (a number or a string), as the request wrote it.
static string Id(string line)
{
    var start = line.IndexOf("\"id\":", StringComparison.Ordinal) + "\"id\":".Length;
    var end = line.IndexOfAny([',', '}'], start);
    return line[start..end].Trim();
}
