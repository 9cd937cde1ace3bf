using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Protocol;
using Verity.Mcp.Clients.Schemas;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Clients;

/// <summary>
/// The <c>tools/list</c> answer per client profile, shaped once per profile and kept for the life of the process: a
/// later request with the same tools returns the kept list. <see cref="ClientProfile.Exact"/> is the tools as given.
/// </summary>
public sealed class ClientToolLists
{
    /// <summary>The most tools VS Code takes from one server.</summary>
    public const int VsCodeToolLimit = 128;

    private readonly ConcurrentDictionary<ClientProfile, Shaped> _shaped = new();
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public ClientToolLists(ILogger<ClientToolLists>? logger = null, TimeProvider? time = null)
    {
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// The tools as <paramref name="profile"/>'s client should see them. The list returned is the caller's to change;
    /// the <see cref="Tool"/> objects in it are shared and must not be changed.
    /// </summary>
    public IList<Tool> For(ClientProfile profile, IList<Tool> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        if (profile == ClientProfile.Exact)
        {
            return tools;
        }

        if (!_shaped.TryGetValue(profile, out var shaped) || !shaped.IsFor(tools))
        {
            shaped = Shape(profile, tools);
            _shaped[profile] = shaped;
        }

        return new List<Tool>(shaped.Tools);
    }

    private Shaped Shape(ClientProfile profile, IList<Tool> tools)
    {
        var started = _time.GetTimestamp();
        var source = tools.ToArray();
        IEnumerable<Tool> listed = source;
        if (profile == ClientProfile.VsCode && source.Length > VsCodeToolLimit)
        {
            ClientProfileLog.ToolCapReached(_logger, VsCodeToolLimit, source.Length, ToolFilterOptions.ToolsKey, ToolFilterOptions.ReadOnlyKey);
            listed = source.Take(VsCodeToolLimit);
        }

        var result = listed.Select(tool => ShapeTool(profile, tool)).ToArray();
        ClientProfileLog.Shaped(_logger, result.Length, profile, _time.GetElapsedTime(started).TotalMilliseconds);
        return new Shaped(source, result);
    }

    private static Tool ShapeTool(ClientProfile profile, Tool tool)
    {
        if (!InputSchemaShaper.TryShape(profile, tool.InputSchema, out var inputSchema))
        {
            return tool;
        }

        // Only the input schema changes: the output schema is what results are validated against.
        return new Tool
        {
            Name = tool.Name,
            Title = tool.Title,
            Description = tool.Description,
            InputSchema = inputSchema,
            OutputSchema = tool.OutputSchema,
            Annotations = tool.Annotations,
            Icons = tool.Icons,
            Meta = tool.Meta,
        };
    }

    /// <summary>A shaped list and the tools it was shaped from.</summary>
    private sealed class Shaped(Tool[] source, Tool[] tools)
    {
        public Tool[] Tools { get; } = tools;

        // The server hands the same Tool objects every time; a changed collection (tools added or removed) is seen here.
        public bool IsFor(IList<Tool> current)
        {
            if (current.Count != source.Length)
            {
                return false;
            }

            for (var i = 0; i < source.Length; i++)
            {
                if (!ReferenceEquals(current[i], source[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
