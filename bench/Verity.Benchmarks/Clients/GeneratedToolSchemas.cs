using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verity.Generator;
using Verity.Generator.Tests.Infrastructure;

namespace Verity.Benchmarks.Clients;

/// <summary>
/// The tools a catalog generates, as <c>tools/list</c> shows them: the generator runs over the catalog and each
/// generated tool's <c>Name</c>, <c>Description</c>, <c>InputSchemaJson</c> and <c>OutputSchemaJson</c> constants are
/// read from its source, exactly the text the compiled tool would parse.
/// </summary>
internal static class GeneratedToolSchemas
{
    public static IReadOnlyList<Tool> FromCatalog(string catalogText)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Bench.Tools",
            [CSharpSyntaxTree.ParseText("namespace Bench.Tools; internal static class Program { }", parseOptions)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create(
            generators: [new VerityGenerator().AsSourceGenerator()],
            additionalTexts: [new InMemoryAdditionalText("/bench/synthetic.catalog.json", catalogText)],
            parseOptions: parseOptions).RunGenerators(compilation);

        var tools = new List<Tool>();
        foreach (var tree in driver.GetRunResult().GeneratedTrees)
        {
            foreach (var type in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                var constants = type.Members.OfType<FieldDeclarationSyntax>()
                    .SelectMany(field => field.Declaration.Variables)
                    .Where(variable => variable.Initializer?.Value is LiteralExpressionSyntax)
                    .ToDictionary(variable => variable.Identifier.ValueText, variable => (LiteralExpressionSyntax)variable.Initializer!.Value);
                if (!constants.TryGetValue("InputSchemaJson", out var input) || !constants.TryGetValue("Name", out var name))
                {
                    continue;
                }

                tools.Add(new Tool
                {
                    Name = name.Token.ValueText,
                    Description = constants.TryGetValue("Description", out var description) ? description.Token.ValueText : null,
                    InputSchema = Parse(input.Token.ValueText),
                    OutputSchema = constants.TryGetValue("OutputSchemaJson", out var output) && output.IsKind(SyntaxKind.StringLiteralExpression)
                        ? Parse(output.Token.ValueText)
                        : null,
                });
            }
        }

        return tools;
    }

    /// <summary>The tools as server primitives, for <c>WithTools</c>; they are only listed, never called.</summary>
    public static IEnumerable<McpServerTool> AsServerTools(IEnumerable<Tool> tools) => tools.Select(tool => new ListedTool(tool));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private sealed class ListedTool(Tool tool) : McpServerTool
    {
        public override Tool ProtocolTool => tool;

        public override IReadOnlyList<object> Metadata => [];

        public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The benchmark only lists tools.");
    }
}
