namespace Verity.Mcp.Tools.Search;

/// <summary>
/// One catalog's search index, computed by the generator: each tool's one-line summary, and for every term
/// (<see cref="SearchTerms"/>) the tools it occurs in with a precomputed BM25 score (field-weighted term frequency
/// and length normalisation against the catalog's statistics, times the term's IDF, scaled to integers), and each
/// tool's title terms (the distinct terms of its summary). Searching only reads the query's terms, adds up their
/// postings and compares them with the title terms: nothing of the catalog is tokenised at run time.
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
    private readonly int[] _titleStarts;
    private readonly int[] _titleTerms;

    /// <summary>An index without title terms: tools are ranked by their postings alone.</summary>
    public EndpointSearchIndex(string[] summaries, string[] terms, int[] postingStarts, int[] postings)
        : this(summaries, terms, postingStarts, postings, new int[(summaries?.Length ?? 0) + 1], [])
    {
    }

    /// <param name="summaries">Each tool's summary, in catalog order (the order of the catalog's descriptors).</param>
    /// <param name="terms">Every term, sorted by ordinal comparison.</param>
    /// <param name="postingStarts">Where each term's postings start in <paramref name="postings"/>, plus the end.</param>
    /// <param name="postings">Pairs of tool position and score, per term.</param>
    /// <param name="titleStarts">Where each tool's title terms start in <paramref name="titleTerms"/>, plus the end.</param>
    /// <param name="titleTerms">Per tool, the positions in <paramref name="terms"/> of its summary's distinct terms.</param>
    public EndpointSearchIndex(string[] summaries, string[] terms, int[] postingStarts, int[] postings, int[] titleStarts, int[] titleTerms)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(postingStarts);
        ArgumentNullException.ThrowIfNull(postings);
        if (postingStarts.Length != terms.Length + 1 || postingStarts[^1] != postings.Length || postings.Length % 2 != 0)
        {
            throw new ArgumentException("The postings do not match the terms.", nameof(postingStarts));
        }

        ArgumentNullException.ThrowIfNull(titleStarts);
        ArgumentNullException.ThrowIfNull(titleTerms);
        if (titleStarts.Length != summaries.Length + 1 || titleStarts[^1] != titleTerms.Length)
        {
            throw new ArgumentException("The title terms do not match the tools.", nameof(titleStarts));
        }

        Summaries = summaries;
        _terms = terms;
        _postingStarts = postingStarts;
        _postings = postings;
        _titleStarts = titleStarts;
        _titleTerms = titleTerms;
    }

    /// <summary>An index of <paramref name="count"/> tools with no terms and no summaries: they are found by exact name only.</summary>
    public static EndpointSearchIndex NamesOnly(int count) => new(Enumerable.Repeat(string.Empty, count).ToArray(), [], [0], []);

    /// <summary>Each tool's one-line summary, in catalog order.</summary>
    public IReadOnlyList<string> Summaries { get; }

    public int Count => Summaries.Count;

    public int TermCount => _terms.Length;

    /// <summary>How much a tool's rank grows when the query and its title share all their terms (Jaccard index 1); it
    /// grows with the square of the index, so one shared word of many (a number, a common verb) adds little.</summary>
    private const int TitleBoost = 4;

    /// <summary>
    /// Ranks every tool for <paramref name="queryTerms"/> (distinct) into <paramref name="ranks"/>, 0 for a tool that
    /// matches no term: the summed scores (<see cref="Score"/>) times how many query terms the tool matched, grown by how
    /// closely the query's terms and the tool's title terms agree (their Jaccard index, squared), since a task described in
    /// words is most often a paraphrase of one tool's summary ("create an issue in a repository": "Create an issue").
    /// </summary>
    public void Rank(IReadOnlyList<string> queryTerms, Span<long> ranks)
    {
        ArgumentNullException.ThrowIfNull(queryTerms);
        if (ranks.Length < Count)
        {
            throw new ArgumentException("One slot per tool is needed.", nameof(ranks));
        }

        var scores = new int[Count];
        var matched = new int[Count];
        var found = new HashSet<int>();
        Score(queryTerms, scores, matched, found);
        for (var d = 0; d < Count; d++)
        {
            if (scores[d] == 0)
            {
                ranks[d] = 0;
                continue;
            }

            var title = _titleStarts[d + 1] - _titleStarts[d];
            var shared = 0;
            for (var t = _titleStarts[d]; t < _titleStarts[d + 1]; t++)
            {
                shared += found.Contains(_titleTerms[t]) ? 1 : 0;
            }

            shared = Math.Min(shared, queryTerms.Count);
            var union = Math.Max(1, title + queryTerms.Count - shared);
            ranks[d] = (long)scores[d] * matched[d] * ((union * union) + (TitleBoost * shared * shared)) / (union * union);
        }
    }

    /// <summary>
    /// Adds each query term's score to <paramref name="scores"/> (one slot per tool) and counts in
    /// <paramref name="matched"/> how many distinct query terms each tool matched. A query word that is no indexed
    /// term but starts some (at least three letters) earns part of their scores, so "transcr" finds "transcript".
    /// </summary>
    public void Score(IReadOnlyList<string> queryTerms, Span<int> scores, Span<int> matched) => Score(queryTerms, scores, matched, found: null);

    /// <param name="found">Collects the positions of the indexed terms that answered the query, if given.</param>
    private void Score(IReadOnlyList<string> queryTerms, Span<int> scores, Span<int> matched, HashSet<int>? found)
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
            var position = Array.BinarySearch(_terms, term, StringComparer.Ordinal);
            if (position >= 0)
            {
                Add(position, 1, scores, seen);
                found?.Add(position);
            }
            else if (term.Length >= 3)
            {
                var end = Math.Min(_terms.Length, ~position + MaxPrefixTerms);
                for (var t = ~position; t < end && _terms[t].StartsWith(term, StringComparison.Ordinal); t++)
                {
                    Add(t, PrefixShare, scores, seen);
                    found?.Add(t);
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
