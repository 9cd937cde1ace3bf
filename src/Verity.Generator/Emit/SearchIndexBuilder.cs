using System;
using System.Collections.Generic;
using Verity.Generator.Model;
using Verity.Mcp.Tools.Search;

namespace Verity.Generator.Emit;

/// <summary>
/// Builds a catalog's search index at compile time (BM25F-style): each tool's name, tags, summary and the rest of its
/// description are split into terms (<see cref="SearchTerms"/>, the runtime's own rules), weighted per field, and every
/// (term, tool) pair gets its final score now, so the runtime only adds up the postings of a query's terms; each tool's
/// title terms (its summary's) are listed too, for the runtime to see how closely a query paraphrases the summary.
/// </summary>
internal static class SearchIndexBuilder
{
    /// <summary>Field weights: a word in the name says most about the tool, one deep in the description least.</summary>
    public const int NameWeight = 3;
    public const int TagWeight = 2;
    public const int SummaryWeight = 2;
    public const int DescriptionWeight = 1;

    /// <summary>BM25's term-frequency saturation and length normalisation.</summary>
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>Scores are stored as integers: the BM25 value times this.</summary>
    public const int ScoreScale = 1000;

    public static SearchIndexModel Build(CatalogNames names, EquatableArray<EndpointModel> endpoints)
    {
        var summaries = new string[endpoints.Count];
        var frequencies = new Dictionary<string, int>[endpoints.Count];
        var lengths = new double[endpoints.Count];
        var documentCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < endpoints.Count; d++)
        {
            var endpoint = endpoints[d];
            var (summary, rest) = SplitDescription(endpoint.Description);
            summaries[d] = summary;
            var terms = new Dictionary<string, int>(StringComparer.Ordinal);
            lengths[d] = Add(terms, endpoint.ToolName, NameWeight)
                + AddAll(terms, endpoint.Tags, TagWeight)
                + Add(terms, summary, SummaryWeight)
                + Add(terms, rest, DescriptionWeight);
            frequencies[d] = terms;
            foreach (var term in terms.Keys)
            {
                documentCounts.TryGetValue(term, out var count);
                documentCounts[term] = count + 1;
            }
        }

        var sortedTerms = new List<string>(documentCounts.Keys);
        sortedTerms.Sort(StringComparer.Ordinal);
        var averageLength = 0.0;
        foreach (var length in lengths)
        {
            averageLength += length;
        }

        averageLength = endpoints.Count == 0 ? 1 : Math.Max(1, averageLength / endpoints.Count);
        var starts = new List<int>(sortedTerms.Count + 1);
        var postings = new List<int>();
        foreach (var term in sortedTerms)
        {
            starts.Add(postings.Count);
            var containing = documentCounts[term];
            var idf = Math.Log(1 + ((endpoints.Count - containing + 0.5) / (containing + 0.5)));
            for (var d = 0; d < endpoints.Count; d++)
            {
                if (!frequencies[d].TryGetValue(term, out var frequency))
                {
                    continue;
                }

                var norm = K1 * (1 - B + (B * lengths[d] / averageLength));
                var score = idf * frequency * (K1 + 1) / (frequency + norm);
                postings.Add(d);
                postings.Add(Math.Max(1, (int)Math.Round(score * ScoreScale, MidpointRounding.AwayFromZero)));
            }
        }

        starts.Add(postings.Count);
        var (titleStarts, titleTerms) = TitleTerms(summaries, sortedTerms);
        return new SearchIndexModel(
            names,
            new EquatableArray<string>(summaries),
            sortedTerms.ToEquatableArray(),
            starts.ToEquatableArray(),
            postings.ToEquatableArray(),
            titleStarts.ToEquatableArray(),
            titleTerms.ToEquatableArray());
    }

    /// <summary>Per tool, the sorted positions of its summary's distinct words (numbers left out) among <paramref name="sortedTerms"/>.</summary>
    private static (List<int> Starts, List<int> Terms) TitleTerms(string[] summaries, List<string> sortedTerms)
    {
        var starts = new List<int>(summaries.Length + 1);
        var terms = new List<int>();
        foreach (var summary in summaries)
        {
            starts.Add(terms.Count);
            var positions = new SortedSet<int>();
            foreach (var term in SearchTerms.Split(summary))
            {
                // A number in a summary names one thing ("operation #27"); it says nothing of what the tool does.
                if (char.IsDigit(term[0]))
                {
                    continue;
                }

                positions.Add(sortedTerms.BinarySearch(term, StringComparer.Ordinal));
            }

            terms.AddRange(positions);
        }

        starts.Add(terms.Count);
        return (starts, terms);
    }

    /// <summary>The generator writes a tool's description as its one-line summary, a blank line, then the rest.</summary>
    private static (string Summary, string Remainder) SplitDescription(string description)
    {
        var blank = description.IndexOf("\n\n", StringComparison.Ordinal);
        return blank < 0 ? (description, string.Empty) : (description.Substring(0, blank), description.Substring(blank + 2));
    }

    private static int AddAll(Dictionary<string, int> terms, EquatableArray<string> texts, int weight)
    {
        var length = 0;
        foreach (var text in texts)
        {
            length += Add(terms, text, weight);
        }

        return length;
    }

    /// <summary>Adds the weighted count of each term of <paramref name="text"/>; returns the weighted length.</summary>
    private static int Add(Dictionary<string, int> terms, string text, int weight)
    {
        var split = SearchTerms.Split(text);
        foreach (var term in split)
        {
            terms.TryGetValue(term, out var count);
            terms[term] = count + weight;
        }

        return split.Count * weight;
    }
}
