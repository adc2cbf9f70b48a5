using ConversationHub.Faq.Ranking;
using ConversationHub.Faq.Ranking.Reranking;
using ConversationHub.Faq.Search.Analysis;
using ConversationHub.Faq.Search.Index;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ConversationHub.Faq.Tests.Ranking.Reranking;

public sealed class FaqRankingOptionsValidatorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("faq-ranking-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ServiceProvider Services(string? modelPath)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["FaqRanking:ModelPath"] = modelPath })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddFaqRanking();
        return services.BuildServiceProvider();
    }

    private string WriteModel(IReadOnlyList<string> featureNames)
    {
        var path = Path.Combine(_directory, "model.json");
        File.WriteAllText(path, FaqRankerModelSerializer.Serialize(HandMadeModels.Empty(featureNames)));
        return path;
    }

    [Fact]
    public void StartupValidation_ModelWithOtherFeatures_FailsNamingTheSetting()
    {
        // Arrange
        using var services = Services(WriteModel(["bm25", "clicks"]));

        // Act
        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        // Assert
        Assert.Contains("FaqRanking:ModelPath", exception.Message, StringComparison.Ordinal);
        Assert.Contains("do not match", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupValidation_MissingModelFile_FailsNamingTheSetting()
    {
        // Arrange
        using var services = Services(Path.Combine(_directory, "missing.json"));

        // Act
        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        // Assert
        Assert.Contains("FaqRanking:ModelPath", exception.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupValidation_NoModel_PassesAndSearchKeepsFirstStageOrder()
    {
        // Arrange
        using var services = Services(modelPath: null);
        var index = new FaqSearchIndex(new JapaneseAnalyzer(), Bm25FParameters.Default, new InMemorySynonymDictionary());
        index.Rebuild([new SearchDocument("a", "図書館の利用", "貸出"), new SearchDocument("b", "図書館の場所", "駅前")]);

        // Act
        services.GetRequiredService<IStartupValidator>().Validate();
        var reranker = services.GetRequiredService<FaqReranker>();

        // Assert
        Assert.False(reranker.HasModel);
        Assert.Equal(index.Search("図書館"), reranker.Search(index, "図書館", 10));
    }
}
