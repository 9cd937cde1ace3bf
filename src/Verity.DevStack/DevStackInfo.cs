namespace Verity.DevStack;

/// <summary>Placeholder so the project compiles until the emulator lands.</summary>
internal static class DevStackInfo
{
    public const string Name = "Verity.DevStack";
}
