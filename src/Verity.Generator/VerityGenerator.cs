using Microsoft.CodeAnalysis;

namespace Verity.Generator;

[Generator(LanguageNames.CSharp)]
public sealed class VerityGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
