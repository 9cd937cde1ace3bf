namespace Verity.Mcp.Host.Commands;

/// <summary>The outcome of one doctor check: a status, what was found, and (on failure) how to fix it.</summary>
internal sealed record DoctorCheck(string Name, DoctorStatus Status, string Detail)
{
    public static DoctorCheck Ok(string name, string detail) => new(name, DoctorStatus.Ok, detail);

    public static DoctorCheck Fail(string name, string detail) => new(name, DoctorStatus.Fail, detail);

    public static DoctorCheck Skip(string name, string detail) => new(name, DoctorStatus.Skip, detail);

    public string Format(int nameWidth) =>
        $"{Status.ToString().ToLowerInvariant(),-4}  {Name.PadRight(nameWidth)}  {Detail.ReplaceLineEndings(" ")}";
}

internal enum DoctorStatus
{
    Ok,
    Fail,
    Skip,
}
