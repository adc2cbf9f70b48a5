using System.Text;

namespace ConversationHub.Faq.Ranking;

/// <summary>
/// Deterministic query-level splits. Queries are ordered by a seeded 64-bit hash of their id (ties by ordinal id),
/// so a split depends only on the seed and the set of query ids, not on the order the queries were added in,
/// and a query's candidates always stay together.
/// </summary>
internal static class RankingDatasetSplit
{
    /// <summary>The fold (0 to <paramref name="foldCount"/> - 1) of each query, by query index; fold sizes differ by at most one.</summary>
    public static int[] AssignFolds(RankingDataset dataset, int foldCount, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(foldCount, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(foldCount, dataset.QueryCount);
        var order = ShuffledQueries(dataset, seed);
        var folds = new int[dataset.QueryCount];
        for (var position = 0; position < order.Length; position++)
            folds[order[position]] = position % foldCount;
        return folds;
    }

    /// <summary>k train/validation pairs; fold i validates on the queries assigned to fold i and trains on the rest.</summary>
    public static IReadOnlyList<RankingDatasetFold> KFold(RankingDataset dataset, int foldCount, int seed)
    {
        var folds = AssignFolds(dataset, foldCount, seed);
        var result = new List<RankingDatasetFold>(foldCount);
        for (var fold = 0; fold < foldCount; fold++)
        {
            var training = new List<int>();
            var validation = new List<int>();
            for (var q = 0; q < folds.Length; q++)
                (folds[q] == fold ? validation : training).Add(q);
            result.Add(new RankingDatasetFold(fold, dataset.SelectQueries(training), dataset.SelectQueries(validation)));
        }

        return result;
    }

    /// <summary>One split with about <paramref name="validationFraction"/> of the queries (at least one) held out.</summary>
    public static RankingDatasetFold TrainValidation(RankingDataset dataset, double validationFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!(validationFraction > 0 && validationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "Must lie strictly between 0 and 1.");
        ArgumentOutOfRangeException.ThrowIfLessThan(dataset.QueryCount, 2);
        var order = ShuffledQueries(dataset, seed);
        var held = (int)Math.Clamp(Math.Round(order.Length * validationFraction), 1, order.Length - 1);
        var validation = order[..held];
        var training = order[held..];
        // Keep each side in the original query order so the datasets read naturally.
        Array.Sort(validation);
        Array.Sort(training);
        return new RankingDatasetFold(0, dataset.SelectQueries(training), dataset.SelectQueries(validation));
    }

    private static int[] ShuffledQueries(RankingDataset dataset, int seed)
    {
        var ids = dataset.QueryIds;
        var keys = new ulong[ids.Count];
        var order = new int[ids.Count];
        var seedMix = DeterministicRandom.Mix((ulong)(uint)seed + 0x5EEDUL);
        for (var q = 0; q < keys.Length; q++)
        {
            keys[q] = DeterministicRandom.Mix(Fnv1a64(ids[q]) ^ seedMix);
            order[q] = q;
        }

        Array.Sort(order, (a, b) =>
        {
            var byKey = keys[a].CompareTo(keys[b]);
            return byKey != 0 ? byKey : string.CompareOrdinal(ids[a], ids[b]);
        });
        return order;
    }

    // string.GetHashCode is randomised per process; this must be stable across runs and machines.
    private static ulong Fnv1a64(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 0x100000001B3UL;
        }

        return hash;
    }
}
