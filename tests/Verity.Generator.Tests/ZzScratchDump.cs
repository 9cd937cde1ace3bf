using Verity.Generator.Tests.Infrastructure;
namespace Verity.Generator.Tests;
public sealed class ZzScratchDump
{
    [Fact]
    public void Dump()
    {
        foreach (var (name, text) in new[] { ("awk", IdentifierManglingTests.AwkwardCatalog), ("syn", SyntheticCatalog.Create(8)) })
        {
            var output = GeneratorHarness.Run(text);
            var dir = Path.Combine("/tmp/gt", name);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "catalog.json"), text);
            File.WriteAllLines(Path.Combine(dir, "problems.txt"), output.CompilationProblems().Select(d => d.ToString()));
            foreach (var (h, s) in output.Sources) File.WriteAllText(Path.Combine(dir, h), s);
        }
    }
}
