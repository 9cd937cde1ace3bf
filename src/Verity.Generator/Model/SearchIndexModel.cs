namespace Verity.Generator.Model;

/// <summary>
/// One catalog's search index, ready to emit: each tool's summary (catalog order), the sorted terms, and per term
/// its postings as pairs of tool position and BM25 score (scaled to an integer) in <see cref="Postings"/>, from
/// <see cref="PostingStarts"/>[term] to <see cref="PostingStarts"/>[term + 1].
/// </summary>
internal sealed record SearchIndexModel(
    CatalogNames Names,
    EquatableArray<string> Summaries,
    EquatableArray<string> Terms,
    EquatableArray<int> PostingStarts,
    EquatableArray<int> Postings);
