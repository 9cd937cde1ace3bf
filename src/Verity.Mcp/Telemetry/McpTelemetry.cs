using System.Diagnostics;
using System.Reflection;

namespace Verity.Mcp.Telemetry;

/// <summary>
/// The names a telemetry pipeline subscribes to. The runtime records with <c>System.Diagnostics</c> only
/// (<see cref="ActivitySource"/>, <see cref="System.Diagnostics.Metrics.Meter"/>), so it costs nothing until something
/// listens, and an application chooses its own exporter.
/// </summary>
public static class McpTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> name of the runtime.</summary>
    public const string Name = "Verity.Mcp";

    /// <summary>
    /// The MCP C# SDK's own source and meter: its server span (<c>tools/call {tool}</c>, kind server) is the parent
    /// of the runtime's tool span, and its <c>mcp.server.operation.duration</c> histogram covers every method.
    /// </summary>
    public const string SdkName = "Experimental.ModelContextProtocol";

    /// <summary>The runtime's version, given to the source and meter so a backend can tell releases apart.</summary>
    public static string Version { get; } =
        typeof(McpTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    internal static ActivitySource ActivitySource { get; } = new(Name, Version);

    /// <summary>
    /// Removes what the MCP SDK's span may carry of a result: for a tool error it sets the span's status description
    /// to the result's content (the error text, which can quote arguments and API answers). Call it from the
    /// exporting pipeline when a span ends (an OpenTelemetry processor's <c>OnEnd</c>) before it is exported; the
    /// status code and <c>error.type</c> stay. Spans of other sources are left alone.
    /// </summary>
    public static void RedactSdkSpan(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Source.Name == SdkName && activity.StatusDescription is not null)
        {
            activity.SetStatus(activity.Status);
        }
    }
}
