using System.Text.Json;
using System.Text.Json.Serialization;
using ConversationHub.Faq.Ranking.MlNet;

namespace ConversationHub.Faq.Ranking;

/// <summary>
/// Reads and writes models as versioned JSON: the flat tree ensemble exported from ML.NET plus the model card's facts
/// (features, trainer and parameters, data hashes, judgement snapshot, metrics). Numbers are written in their shortest
/// round-trip form, so a loaded model scores bit-for-bit like the saved one. Loading against the application's
/// feature list fails loudly on any difference, since a model fed features in the wrong order ranks silently wrong.
/// </summary>
internal static class FaqRankerModelSerializer
{
    /// <summary>2: ML.NET FastTree ensembles (version 1 held the hand-written LambdaMART's trees and is no longer read).</summary>
    public const int CurrentFormatVersion = 2;
    public const string ModelKind = "mlnet-fasttree-lambdarank";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Thresholds may be ±Infinity when a feature holds infinite values.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        RespectNullableAnnotations = true,
    };

    public static string Serialize(FaqRankerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var document = new FaqRankerModelDocument
        {
            FormatVersion = CurrentFormatVersion,
            Model = ModelKind,
            FeatureNames = model.FeatureNames,
            Parameters = model.Parameters,
            Training = model.Metadata,
            Ensemble = model.Trees.ToDocument(),
        };
        return JsonSerializer.Serialize(document, Options);
    }

    /// <summary>Reads a model and checks that its features are exactly <paramref name="expectedFeatureNames"/>, in order.</summary>
    /// <exception cref="InvalidDataException">The text is not a readable model of a supported format version.</exception>
    /// <exception cref="RankingFeatureMismatchException">The model was trained on other features.</exception>
    public static FaqRankerModel Deserialize(string json, IReadOnlyList<string> expectedFeatureNames)
    {
        var model = Deserialize(json);
        model.EnsureFeatures(expectedFeatureNames);
        return model;
    }

    /// <summary>Reads a model without checking its features (for tools that inspect model files).</summary>
    public static FaqRankerModel Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using (var probe = JsonDocument.Parse(json))
            {
                if (probe.RootElement.ValueKind != JsonValueKind.Object
                    || !probe.RootElement.TryGetProperty("formatVersion", out var version)
                    || !version.TryGetInt32(out var number))
                    throw new InvalidDataException("This is not a ranking model file: it has no integer 'formatVersion'.");
                if (number != CurrentFormatVersion)
                    throw new InvalidDataException($"Ranking model format version {number} is not supported; this build reads version {CurrentFormatVersion} (retrain with `faq train`).");
            }

            var document = JsonSerializer.Deserialize<FaqRankerModelDocument>(json, Options)
                ?? throw new InvalidDataException("The ranking model file is empty.");
            if (!string.Equals(document.Model, ModelKind, StringComparison.Ordinal))
                throw new InvalidDataException($"The model file holds a '{document.Model}' model, not '{ModelKind}'.");
            if (document.FeatureNames.Count == 0)
                throw new InvalidDataException("The ranking model names no features.");
            var trees = FlatTreeEnsemble.FromDocument(document.Ensemble, document.FeatureNames.Count);
            return new FaqRankerModel(document.FeatureNames, document.Parameters, trees, document.Training);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The ranking model file is not valid: {exception.Message}", exception);
        }
    }

    public static async Task SaveAsync(FaqRankerModel model, string path, CancellationToken cancellationToken) =>
        await File.WriteAllTextAsync(path, Serialize(model), cancellationToken);

    public static async Task<FaqRankerModel> LoadAsync(string path, IReadOnlyList<string> expectedFeatureNames, CancellationToken cancellationToken) =>
        Deserialize(await File.ReadAllTextAsync(path, cancellationToken), expectedFeatureNames);
}
