using System.CodeDom.Compiler;
using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;
using Verity.Generator.Tests.Infrastructure;
using Verity.Mcp.Host.Tools;

namespace Verity.Generator.Tests;

/// <summary>
/// Generated code as a user expects it: marked as generated, plumbing hidden from IntelliSense, the typed client
/// documented from the catalog and its signatures wrapped to a readable width.
/// </summary>
public sealed class GeneratedCodeConventionsTests
{
    public static TheoryData<Type> GeneratedTypes => new(
        typeof(VerityTools), typeof(VerityApi), typeof(VerityJsonContext), typeof(VerityContactsTools.UpdateContactTool),
        typeof(UpdateContactBody), typeof(UpdateContactBodyJsonConverter), typeof(CallStatus), typeof(CallStatusJsonConverter),
        typeof(Verity.Mcp.Generated.CompiledCatalogs));

    [Theory]
    [MemberData(nameof(GeneratedTypes))]
    public void Generated_types_carry_GeneratedCode_naming_the_generator(Type type)
    {
        var attribute = type.GetCustomAttribute<GeneratedCodeAttribute>();

        Assert.NotNull(attribute);
        Assert.Equal("Verity.Generator", attribute.Tool);
        Assert.Equal(typeof(VerityGenerator).Assembly.GetName().Version!.ToString(), attribute.Version);
    }

    [Fact]
    public void Converters_and_request_builders_are_hidden_from_IntelliSense_and_client_methods_are_not()
    {
        Assert.Equal(EditorBrowsableState.Never, typeof(UpdateContactBodyJsonConverter).GetCustomAttribute<EditorBrowsableAttribute>()?.State);
        Assert.Equal(EditorBrowsableState.Never, typeof(CallStatusJsonConverter).GetCustomAttribute<EditorBrowsableAttribute>()?.State);
        Assert.Equal(EditorBrowsableState.Never, typeof(VerityApi).GetMethod(nameof(VerityApi.CreateUpdateContactRequest))!.GetCustomAttribute<EditorBrowsableAttribute>()?.State);
        Assert.Null(typeof(VerityApi).GetMethod(nameof(VerityApi.UpdateContactAsync))!.GetCustomAttribute<EditorBrowsableAttribute>());
        Assert.Null(typeof(UpdateContactBody).GetCustomAttribute<EditorBrowsableAttribute>());
    }

    [Fact]
    public void Every_typed_client_parameter_has_a_param_doc_from_the_catalog_or_a_plain_fallback()
    {
        var sources = GeneratorHarness.Run(GeneratorHarness.ReadVerityCatalog()).Sources;
        var listCalls = sources.Single(pair => pair.Key.EndsWith(".ListCallsTool.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("/// <param name=\"status\">Only calls in this state.</param>", listCalls, StringComparison.Ordinal);
        Assert.Contains("/// <param name=\"cancellationToken\">Cancels the call.</param>", listCalls, StringComparison.Ordinal);
        Assert.Contains("/// <returns>", listCalls, StringComparison.Ordinal);

        foreach (var method in typeof(VerityApi).GetMethods().Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)))
        {
            var source = sources.Values.Single(text => text.Contains($" {method.Name}(", StringComparison.Ordinal));
            Assert.All(method.GetParameters(), parameter =>
                Assert.Matches($"/// <param name=\"{Regex.Escape(parameter.Name!)}\">[^<\\n]", source));
        }
    }

    [Fact]
    public void Typed_client_signatures_fit_in_160_characters()
    {
        var sources = GeneratorHarness.Run(new[]
        {
            new CatalogFile("/repo/verity.catalog.json", GeneratorHarness.ReadVerityCatalog()),
            new CatalogFile("/repo/every-type.catalog.json", TestCatalogs.EveryType),
        }).Sources;

        var signatures = sources.Values.SelectMany(text => text.Split('\n'))
            .Where(line => line.Contains("Async(", StringComparison.Ordinal) || line.Contains("public static global::Verity.Mcp.Http.ApiRequest Create", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(signatures);
        Assert.All(signatures, line => Assert.True(line.Length <= 160, $"{line.Length} characters: {line}"));
    }

    [Fact]
    public void No_generated_line_is_longer_than_160_characters()
    {
        var verity = GeneratorHarness.Run(new[]
        {
            new CatalogFile("/repo/verity.catalog.json", GeneratorHarness.ReadVerityCatalog()),
            new CatalogFile("/repo/every-type.catalog.json", TestCatalogs.EveryType),
        }).Sources;
        var synthetic = GeneratorHarness.Run(SyntheticCatalog.Create(1000)).Sources;

        var longLines = verity.Concat(synthetic)
            .SelectMany(pair => pair.Value.Split('\n').Where(line => line.Length > 160).Select(line => $"{pair.Key}: {line.Length}: {line}"))
            .ToList();
        Assert.True(longLines.Count == 0, $"{longLines.Count} lines over 160 characters:\n" + string.Join("\n", longLines.Take(10)));
    }

    [Theory]
    [InlineData("x = f(aaaaaaaaaa, bbbbbbbbbb, cccccccccc);", 36, "x = f(aaaaaaaaaa, bbbbbbbbbb,|    cccccccccc);")]
    [InlineData("const string D = \"one two three four five\";", 30, "const string D = \"one two \" +|    \"three four five\";")]
    [InlineData("/// <summary>one two three four</summary>", 28, "/// <summary>one two three|/// four</summary>")]
    [InlineData("y = $\"{a}, {b}, {c}, {d}, {e}, {f}\";", 20, "y = $\"{a}, {b}, {c}, {d}, {e}, {f}\";")]
    public void A_long_line_is_cut_where_CSharp_allows_whitespace(string line, int width, string expected)
    {
        var pieces = Verity.Generator.Emit.LineWrapper.Wrap(line, Verity.Generator.Emit.SourceWriter.MaxLineLength - width);
        var shown = pieces is null ? line : string.Join("|", pieces.Select((piece, i) => i > 0 && !piece.StartsWith("//", StringComparison.Ordinal) ? "    " + piece : piece));
        Assert.Equal(expected, shown);
    }

    [Fact]
    public void Cutting_a_long_literal_allocates_in_proportion_to_its_length()
    {
        // A 20,000-character description (GitHub's OpenAPI document has such) has ~3,000 places to cut; building
        // strings for every candidate made cutting it quadratic (hundreds of MB per line).
        var words = string.Join(" ", Enumerable.Range(0, 3000).Select(i => "word" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var line = "Description: \"" + words + "\",";
        Verity.Generator.Emit.LineWrapper.Wrap(line, 12);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var pieces = Verity.Generator.Emit.LineWrapper.Wrap(line, 12)!;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(words, string.Concat(pieces.Select(piece => piece.Trim().TrimStart('"').Replace("Description: \"", string.Empty, StringComparison.Ordinal).Replace("\" +", string.Empty, StringComparison.Ordinal).TrimEnd(',', '"'))));
        Assert.All(pieces, (piece, i) => Assert.True(piece.Length + (i == 0 ? 12 : 16) <= Verity.Generator.Emit.SourceWriter.MaxLineLength, piece));
        Assert.True(allocated < 40L * line.Length * 16, $"{allocated:N0} bytes allocated to cut a {line.Length:N0}-character line");
    }

    [Theory]
    [InlineData("a ? b : c", "a", "b", "c")]
    [InlineData("f(x ? y : z) ? g(\" ? \") : h", "f(x ? y : z)", "g(\" ? \")", "h")]
    [InlineData("a ? b ? c : d : e", "a", "b ? c : d", "e")]
    public void A_long_conditional_is_split_at_its_outermost_branches(string expression, string condition, string whenTrue, string whenFalse)
    {
        Assert.True(Verity.Generator.Emit.CSharp.TrySplitConditional(expression, out var c, out var t, out var f));
        Assert.Equal((condition, whenTrue, whenFalse), (c, t, f));
    }

    [Theory]
    [InlineData("f(a ? b : c)")]
    [InlineData("(string?)null")]
    [InlineData("\"a ? b : c\"")]
    public void An_expression_without_a_top_level_conditional_is_not_split(string expression) =>
        Assert.False(Verity.Generator.Emit.CSharp.TrySplitConditional(expression, out _, out _, out _));
}
