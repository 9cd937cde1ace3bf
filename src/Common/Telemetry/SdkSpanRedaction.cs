using System.Diagnostics;
using OpenTelemetry;
using Verity.Mcp.Telemetry;

namespace Verity.Common.Telemetry;

/// <summary>Runs <see cref="McpTelemetry.RedactSdkSpan"/> on every span as it ends, before the exporter takes it.</summary>
internal sealed class SdkSpanRedaction : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data) => McpTelemetry.RedactSdkSpan(data);
}
