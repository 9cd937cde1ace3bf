namespace Verity.Generator.Model;

/// <summary>
/// One catalog's search index, ready to emit: each tool's summary (catalog order), the sorted terms, and per term
/// its postings as pairs of tool position and BM25 score (scaled to an integer) in <see cref="Postings"/>, from
/// <see cref="PostingStarts"/>[term] to <see cref="PostingStarts"/>[term + 1]; and per tool its title terms (the
/// positions of its summary's distinct terms) in <see cref="TitleTerms"/>, from <see cref="TitleStarts"/>[tool].
/// </summary>
internal sealed record SearchIndexModel(
    CatalogNames Names,
    EquatableArray<string> Summaries,
    EquatableArray<string> Terms,
    EquatableArray<int> PostingStarts,
    EquatableArray<int> Postings,
    EquatableArray<int> TitleStarts,
    EquatableArray<int> TitleTerms);
