using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Verity.Benchmarks.Generator;

/// <summary>A catalog given to the generator as an AdditionalFiles item, held in memory.</summary>
internal sealed class CatalogText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
