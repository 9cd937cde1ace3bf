namespace Verity.Mcp.Host.Tests.Infrastructure;

/// <summary>
/// One way to start verity-mcp: the JIT build (<c>dotnet server/verity-mcp.dll</c>), or the Native AOT binary named
/// by <c>VERITY_MCP_HOST_BINARY</c> (CI publishes it first). The JIT build runs from <c>server/</c>, the host's own
/// build output that verity-devstack's build copies there, not from this folder: here the dev stack's ASP.NET Core
/// framework stands in for packages the lean host carries itself (e.g. Microsoft.Extensions.ObjectPool), so the
/// host's copy of its deps.json in this folder would name files that are not here.
/// </summary>
public sealed record HostVariant(string Name, string FileName, IReadOnlyList<string> PrefixArguments)
{
    public const string AotBinaryVariable = "VERITY_MCP_HOST_BINARY";

    public static HostVariant Jit { get; } =
        new("jit", "dotnet", [Path.Combine(AppContext.BaseDirectory, "server", "verity-mcp.dll")]);

    public static HostVariant? Aot { get; } =
        Environment.GetEnvironmentVariable(AotBinaryVariable) is { Length: > 0 } path
            ? new HostVariant("aot", Path.GetFullPath(path), [])
            : null;

    public static IReadOnlyList<HostVariant> Available { get; } = Aot is null ? [Jit] : [Jit, Aot];

    /// <summary>For <c>[MemberData]</c>: the variant names this run covers.</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var variant in Available)
            {
                data.Add(variant.Name);
            }

            return data;
        }
    }

    public static HostVariant Named(string name) =>
        Available.Single(variant => variant.Name == name);

    public override string ToString() => Name;
}
