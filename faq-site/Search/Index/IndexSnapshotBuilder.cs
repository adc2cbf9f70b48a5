using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

        // PERF: the term spaces share nothing, so they are built side by side.
        SpaceIndex? words = null;
        SpaceIndex? grams = null;
        SpaceIndex? readings = null;
        Parallel.Invoke(
            () => words = BuildSpace(live, TermSpace.Words, parameters.Words),
            () => grams = BuildSpace(live, TermSpace.Grams, parameters.Grams),
            () => readings = BuildSpace(live, TermSpace.Readings, parameters.Readings));
        return new IndexSnapshot(ids, [.. live], slotById, words!, grams!, readings!, parameters);
    }

    // PERF: a rebuild runs this once, cold; tier-0 code would make the first build several times slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SpaceIndex BuildSpace(List<AnalyzedDocument> documents, TermSpace space, SpaceParameters parameters)
    {
        // PERF: two passes (count, then fill exact-size arrays) instead of growing a list per term; the first pass
        // remembers each document's term ids so that the second looks nothing up again.
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        var documentTermIds = new int[documents.Count][];
        for (var d = 0; d < documents.Count; d++)
        {
            var terms = documents[d][space].Terms;
            var idsOfDocument = documentTermIds[d] = new int[terms.Length];
            for (var i = 0; i < terms.Length; i++)
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(termIds, terms[i], out var exists);
                if (exists)
                {
                    counts[id]++;
                }
                else
                {
                    id = counts.Count;
                    counts.Add(1);
                }

                idsOfDocument[i] = id;
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
            var idsOfDocument = documentTermIds[slot];
            for (var i = 0; i < idsOfDocument.Length; i++)
            {
                var t = idsOfDocument[i];
                var at = filled[t]++;
                slots[t][at] = slot;
                terms.Frequencies.AsSpan(i * F, F).CopyTo(frequencies[t].AsSpan(at * F, F));
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
