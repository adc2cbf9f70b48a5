using ConversationHub.Faq.Ranking;

namespace ConversationHub.Faq.Tests.Ranking;

/// <summary>Seeded learning-to-rank data for the ranking tests.</summary>
internal static class SyntheticRankingData
{
    public static string[] FeatureNames(int count) =>
        [.. Enumerable.Range(0, count).Select(i => $"f{i}")];

    /// <summary>
    /// Relevance is a nonlinear function of f0, f1 and f2 (an interaction and a bump) plus label noise; f3 is a
    /// noisy copy of f0 and the other features are noise. No single feature ranks well on its own.
    /// </summary>
    public static RankingDataset Nonlinear(int queries, int candidates, int features, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 3);
        var random = new DeterministicRandom(seed);
        var builder = new RankingDatasetBuilder(FeatureNames(features));
        var values = new float[candidates * features];
        var labels = new int[candidates];
        for (var q = 0; q < queries; q++)
        {
            for (var c = 0; c < candidates; c++)
            {
                var row = values.AsSpan(c * features, features);
                for (var f = 0; f < features; f++)
                    row[f] = (float)random.NextDouble();
                if (features > 3)
                    row[3] = (float)(row[0] + (0.3 * Gaussian(random)));
                var x0 = row[0];
                var x1 = row[1];
                var x2 = row[2];
                var bump = Math.Exp(-((x2 - 0.5) * (x2 - 0.5)) / 0.02);
                var latent = (x0 * x1) + (0.6 * bump) + (x1 > 0.8 ? -0.4 : 0) + (0.1 * Gaussian(random));
                labels[c] = latent > 0.9 ? 2 : latent > 0.6 ? 1 : 0;
            }

            builder.AddQuery($"q{q:D4}", values, labels);
        }

        return builder.Build();
    }

    /// <summary>Labels drawn independently of the features: nothing generalises.</summary>
    public static RankingDataset Noise(int queries, int candidates, int features, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var builder = new RankingDatasetBuilder(FeatureNames(features));
        var values = new float[candidates * features];
        var labels = new int[candidates];
        for (var q = 0; q < queries; q++)
        {
            for (var i = 0; i < values.Length; i++)
                values[i] = (float)random.NextDouble();
            for (var c = 0; c < candidates; c++)
                labels[c] = random.NextInt(3);
            builder.AddQuery($"n{q:D4}", values, labels);
        }

        return builder.Build();
    }

    public static double Gaussian(DeterministicRandom random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
