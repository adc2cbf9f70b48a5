using System.Runtime.CompilerServices;
namespace ConversationHub.Faq.Search.Index;

/// <summary>Builds a compact snapshot (no removed slots) from analysed documents.</summary>
internal static class IndexSnapshotBuilder
{
    private const int F = FieldTerms.FieldCount;

    public static IndexSnapshot Build(IReadOnlyList<AnalyzedDocument> documents, Bm25FParameters parameters)
    {
        // The last document with a given id wins, as it would through a sequence of updates.
        var slotById = new Dictionary<string, int>(documents.Count, StringComparer.Ordinal);
        var live = new List<AnalyzedDocument>(documents.Count);
        foreach (var document in documents)
        {
            if (slotById.TryGetValue(document.Id, out var slot))
            {
                live[slot] = document;
                continue;
            }

            slotById.Add(document.Id, live.Count);
            live.Add(document);
        }

        var ids = new string?[live.Count];
        for (var i = 0; i < ids.Length; i++)
            ids[i] = live[i].Id;

        return new IndexSnapshot(
            ids,
            [.. live],
            slotById,
            BuildSpace(live, TermSpace.Words, parameters.Words),
            BuildSpace(live, TermSpace.Grams, parameters.Grams),
            parameters);
    }

    // PERF: a rebuild runs this once, cold; tier-0 code would make the first build several times slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SpaceIndex BuildSpace(List<AnalyzedDocument> documents, TermSpace space, SpaceParameters parameters)
    {
        // PERF: two passes (count, then fill exact-size arrays) instead of growing a list per term.
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        foreach (var document in documents)
        {
            foreach (var term in document[space].Terms)
            {
                if (termIds.TryGetValue(term, out var id))
                {
                    counts[id]++;
                }
                else
                {
                    termIds.Add(term, counts.Count);
                    counts.Add(1);
                }
            }
        }

        var slots = new int[counts.Count][];
        var frequencies = new ushort[counts.Count][];
        for (var t = 0; t < counts.Count; t++)
        {
            slots[t] = new int[counts[t]];
            frequencies[t] = new ushort[counts[t] * F];
        }

        var filled = new int[counts.Count];
        var fieldLengths = new int[documents.Count * F];
        var lengthSums = new long[F];
        for (var slot = 0; slot < documents.Count; slot++)
        {
            var terms = documents[slot][space];
            for (var i = 0; i < terms.Terms.Length; i++)
            {
                var t = termIds[terms.Terms[i]];
                var at = filled[t]++;
                slots[t][at] = slot;
                Array.Copy(terms.Frequencies, i * F, frequencies[t], at * F, F);
            }

            for (var f = 0; f < F; f++)
            {
                fieldLengths[(slot * F) + f] = terms.FieldLengths[f];
                lengthSums[f] += terms.FieldLengths[f];
            }
        }

        var postings = new Dictionary<string, PostingList>(termIds.Count, StringComparer.Ordinal);
        foreach (var (term, t) in termIds)
            postings.Add(term, new PostingList(slots[t], frequencies[t]));

        return new SpaceIndex(postings, fieldLengths, lengthSums, documents.Count, parameters);
    }
}
