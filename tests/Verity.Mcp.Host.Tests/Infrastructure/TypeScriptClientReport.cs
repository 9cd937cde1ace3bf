namespace Verity.Mcp.Host.Tests.Infrastructure;

/// <summary>What <c>call-every-tool.mjs</c> saw: the listed tools and the outcome of each call.</summary>
public sealed record TypeScriptClientReport(IReadOnlyList<string> Tools, IReadOnlyList<TypeScriptToolCall> Calls);

/// <summary>One <c>callTool</c>: whether it threw (and why), or the result it returned.</summary>
public sealed record TypeScriptToolCall(string Tool, bool Threw, string? Error, bool IsError, bool HasStructuredContent, string Text);
