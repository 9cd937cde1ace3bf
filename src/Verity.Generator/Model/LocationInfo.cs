using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Verity.Generator.Model;

/// <summary>A place in a catalog file as plain data (a Roslyn <see cref="Location"/> is not value-equatable).</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public Location ToLocation() =>
        Location.Create(
            FilePath,
            new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}
