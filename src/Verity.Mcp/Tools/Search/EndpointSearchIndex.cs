namespace Verity.Mcp.Tools.Search;

/// <summary>
/// One catalog's search index, computed by the generator: each tool's one-line summary, and for every term
/// (<see cref="SearchTerms"/>) the tools it occurs in with a precomputed BM25 score (field-weighted term frequency
/// and length normalisation against the catalog's statistics, times the term's IDF, scaled to integers). Searching
/// only reads the query's terms and adds up their postings: nothing of the catalog is tokenised at run time.
/// </summary>
public sealed class EndpointSearchIndex
{
    /// <summary>How much of a term's score a query word that is only a prefix of it earns.</summary>
    private const int PrefixShare = 2;

    /// <summary>At most this many indexed terms answer one query word as a prefix.</summary>
    private const int MaxPrefixTerms = 32;

    private readonly string[] _terms;
    private readonly int[] _postingStarts;
    private readonly int[] _postings;

    /// <param name="summaries">Each tool's summary, in catalog order (the order of the catalog's descriptors).</param>
    /// <param name="terms">Every term, sorted by ordinal comparison.</param>
    /// <param name="postingStarts">Where each term's postings start in <paramref name="postings"/>, plus the end.</param>
    /// <param name="postings">Pairs of tool position and score, per term.</param>
    public EndpointSearchIndex(string[] summaries, string[] terms, int[] postingStarts, int[] postings)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(postingStarts);
        ArgumentNullException.ThrowIfNull(postings);
        if (postingStarts.Length != terms.Length + 1 || postingStarts[^1] != postings.Length || postings.Length % 2 != 0)
        {
            throw new ArgumentException("The postings do not match the terms.", nameof(postingStarts));
        }

        Summaries = summaries;
        _terms = terms;
        _postingStarts = postingStarts;
        _postings = postings;
    }

    /// <summary>An index of <paramref name="count"/> tools with no terms and no summaries: they are found by exact name only.</summary>
    public static EndpointSearchIndex NamesOnly(int count) => new(Enumerable.Repeat(string.Empty, count).ToArray(), [], [0], []);

    /// <summary>Each tool's one-line summary, in catalog order.</summary>
    public IReadOnlyList<string> Summaries { get; }

    public int Count => Summaries.Count;

    public int TermCount => _terms.Length;

    /// <summary>
    /// Adds each query term's score to <paramref name="scores"/> (one slot per tool) and counts in
    /// <paramref name="matched"/> how many distinct query terms each tool matched. A query word that is no indexed
    /// term but starts some (at least three letters) earns part of their scores, so "transcr" finds "transcript".
    /// </summary>
    public void Score(IReadOnlyList<string> queryTerms, Span<int> scores, Span<int> matched)
    {
        ArgumentNullException.ThrowIfNull(queryTerms);
        if (scores.Length < Count || matched.Length < Count)
        {
            throw new ArgumentException("One slot per tool is needed.", nameof(scores));
        }

        Span<int> seen = Count <= 1024 ? stackalloc int[Count] : new int[Count];
        for (var q = 0; q < queryTerms.Count; q++)
        {
            var term = queryTerms[q];
            seen.Clear();
            var found = Array.BinarySearch(_terms, term, StringComparer.Ordinal);
            if (found >= 0)
            {
                Add(found, 1, scores, seen);
            }
            else if (term.Length >= 3)
            {
                var end = Math.Min(_terms.Length, ~found + MaxPrefixTerms);
                for (var t = ~found; t < end && _terms[t].StartsWith(term, StringComparison.Ordinal); t++)
                {
                    Add(t, PrefixShare, scores, seen);
                }
            }

            for (var d = 0; d < Count; d++)
            {
                matched[d] += seen[d];
            }
        }
    }

    private void Add(int term, int divisor, Span<int> scores, Span<int> seen)
    {
        for (var p = _postingStarts[term]; p < _postingStarts[term + 1]; p += 2)
        {
            var document = _postings[p];
            scores[document] += _postings[p + 1] / divisor;
            seen[document] = 1;
        }
    }
}
