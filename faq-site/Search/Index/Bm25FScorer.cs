namespace ConversationHub.Faq.Search.Index;

/// <summary>
/// BM25F over one snapshot: per term, the field frequencies are combined with the per-field norms into one
/// pseudo-frequency, saturated once with k1, and weighted by IDF (Robertson and Zaragoza 2009, eq. 3.19).
/// </summary>
internal static class Bm25FScorer
{
    private const int F = FieldTerms.FieldCount;

    // PERF: score accumulators are reused per thread; only the slots a query touched are reset.
    [ThreadStatic]
    private static float[]? _scores;

    [ThreadStatic]
    private static int[]? _touched;

    public static void Search(
        IndexSnapshot snapshot, AnalyzedQuery query, Func<string, bool>? filter, TopHits top)
    {
        var slotCount = snapshot.SlotCount;
        if (_scores is null || _scores.Length < slotCount)
        {
            _scores = new float[Math.Max(slotCount, 1024)];
            _touched = new int[_scores.Length];
        }

        var scores = _scores;
        var touched = _touched!;
        var touchedCount = 0;
        touchedCount = Accumulate(snapshot.Words, snapshot.LiveCount, query.Words, scores, touched, touchedCount);
        touchedCount = Accumulate(snapshot.Grams, snapshot.LiveCount, query.Grams, scores, touched, touchedCount);
        touchedCount = Accumulate(snapshot.Readings, snapshot.LiveCount, query.Readings, scores, touched, touchedCount);

        for (var i = 0; i < touchedCount; i++)
        {
            var slot = touched[i];
            var score = scores[slot];
            scores[slot] = 0f;
            if (!top.Admits(slot, score))
                continue;
            if (filter is null || filter(snapshot.Ids[slot]!))
                top.Offer(slot, score);
        }
    }

    private static int Accumulate(
        SpaceIndex space, int liveCount, QueryTerms query, float[] scores, int[] touched, int touchedCount)
    {
        var k1 = space.Parameters.K1;
        var norms = space.Norms;
        for (var q = 0; q < query.Terms.Count; q++)
        {
            if (!space.Postings.TryGetValue(query.Terms[q], out var postings))
                continue;

            // A zero weight would leave scores at 0 and break the touched-slot bookkeeping below.
            if (query.Weights[q] <= 0f || space.Parameters.Weight <= 0f)
                continue;

            var df = postings.Count;
            var idf = MathF.Log(1f + ((liveCount - df + 0.5f) / (df + 0.5f)));
            var factor = space.Parameters.Weight * query.Weights[q] * idf * (k1 + 1f);
            var slots = postings.Slots;
            var frequencies = postings.Frequencies;
            for (var i = 0; i < slots.Length; i++)
            {
                var slot = slots[i];
                var n = slot * F;
                var p = i * F;
                var tf = (frequencies[p] * norms[n]) + (frequencies[p + 1] * norms[n + 1])
                    + (frequencies[p + 2] * norms[n + 2]) + (frequencies[p + 3] * norms[n + 3]);
                if (scores[slot] == 0f)
                    touched[touchedCount++] = slot;
                scores[slot] += factor * tf / (k1 + tf);
            }
        }

        return touchedCount;
    }
}
