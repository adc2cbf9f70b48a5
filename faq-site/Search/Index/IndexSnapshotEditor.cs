namespace ConversationHub.Faq.Search.Index;

/// <summary>
/// Applies one document change to a snapshot without touching the postings of unrelated terms: the old
/// document's postings are taken out (its slot becomes a hole) and the new one is appended in a new slot.
/// Holes are compacted by a full build once they reach a quarter of the slots.
/// </summary>
internal static class IndexSnapshotEditor
{
    private const int F = FieldTerms.FieldCount;

    public static IndexSnapshot Apply(IndexSnapshot snapshot, string id, AnalyzedDocument? replacement)
    {
        var oldSlot = snapshot.SlotById.TryGetValue(id, out var found) ? found : -1;
        if (oldSlot < 0 && replacement is null)
            return snapshot;

        var newSlot = replacement is null ? -1 : snapshot.SlotCount;
        var slotCount = snapshot.SlotCount + (replacement is null ? 0 : 1);
        var oldDocument = oldSlot < 0 ? null : snapshot.Documents[oldSlot];

        var ids = new string?[slotCount];
        Array.Copy(snapshot.Ids, ids, snapshot.SlotCount);
        var documents = new AnalyzedDocument?[slotCount];
        Array.Copy(snapshot.Documents, documents, snapshot.SlotCount);
        var slotById = new Dictionary<string, int>(snapshot.SlotById, StringComparer.Ordinal);
        if (oldSlot >= 0)
        {
            ids[oldSlot] = null;
            documents[oldSlot] = null;
            slotById.Remove(id);
        }

        if (replacement is not null)
        {
            ids[newSlot] = id;
            documents[newSlot] = replacement;
            slotById.Add(id, newSlot);
        }

        var holes = slotCount - slotById.Count;
        if (holes > 16 && holes * 4 >= slotCount)
            return IndexSnapshotBuilder.Build(LiveDocuments(documents), snapshot.Parameters);

        return new IndexSnapshot(
            ids,
            documents,
            slotById,
            EditSpace(snapshot.Words, TermSpace.Words, oldSlot, oldDocument, newSlot, replacement, slotById.Count),
            EditSpace(snapshot.Grams, TermSpace.Grams, oldSlot, oldDocument, newSlot, replacement, slotById.Count),
            EditSpace(snapshot.Readings, TermSpace.Readings, oldSlot, oldDocument, newSlot, replacement, slotById.Count),
            snapshot.Parameters);
    }

    private static SpaceIndex EditSpace(
        SpaceIndex space,
        TermSpace kind,
        int oldSlot,
        AnalyzedDocument? oldDocument,
        int newSlot,
        AnalyzedDocument? replacement,
        int liveCount)
    {
        var postings = new Dictionary<string, PostingList>(space.Postings, StringComparer.Ordinal);
        var slotCount = (space.FieldLengths.Length / F) + (replacement is null ? 0 : 1);
        var fieldLengths = new int[slotCount * F];
        Array.Copy(space.FieldLengths, fieldLengths, space.FieldLengths.Length);
        var lengthSums = (long[])space.LengthSums.Clone();

        var replacementTerms = replacement?[kind];
        var moved = new HashSet<string>(StringComparer.Ordinal);
        if (oldDocument is not null && replacementTerms is not null)
        {
            var oldTerms = new HashSet<string>(oldDocument[kind].Terms, StringComparer.Ordinal);
            for (var i = 0; i < replacementTerms.Terms.Length; i++)
            {
                var term = replacementTerms.Terms[i];
                if (oldTerms.Contains(term))
                {
                    postings[term] = postings[term].Move(oldSlot, newSlot, replacementTerms.Frequencies.AsSpan(i * F, F));
                    moved.Add(term);
                }
            }
        }

        if (oldDocument is not null)
        {
            foreach (var term in oldDocument[kind].Terms)
            {
                if (moved.Contains(term))
                    continue;
                var remaining = postings[term].Without(oldSlot);
                if (remaining is null)
                    postings.Remove(term);
                else
                    postings[term] = remaining;
            }

            for (var f = 0; f < F; f++)
            {
                lengthSums[f] -= fieldLengths[(oldSlot * F) + f];
                fieldLengths[(oldSlot * F) + f] = 0;
            }
        }

        if (replacementTerms is not null)
        {
            var terms = replacementTerms;
            for (var i = 0; i < terms.Terms.Length; i++)
            {
                if (moved.Contains(terms.Terms[i]))
                    continue;
                postings.TryGetValue(terms.Terms[i], out var existing);
                postings[terms.Terms[i]] = PostingList.Append(existing, newSlot, terms.Frequencies.AsSpan(i * F, F));
            }

            for (var f = 0; f < F; f++)
            {
                fieldLengths[(newSlot * F) + f] = terms.FieldLengths[f];
                lengthSums[f] += terms.FieldLengths[f];
            }
        }

        return new SpaceIndex(postings, fieldLengths, lengthSums, liveCount, space.Parameters);
    }

    private static List<AnalyzedDocument> LiveDocuments(AnalyzedDocument?[] documents)
    {
        var live = new List<AnalyzedDocument>(documents.Length);
        foreach (var document in documents)
        {
            if (document is not null)
                live.Add(document);
        }

        return live;
    }
}
