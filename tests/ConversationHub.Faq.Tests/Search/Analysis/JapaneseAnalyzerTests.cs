using ConversationHub.Faq.Search.Analysis;

namespace ConversationHub.Faq.Tests.Search.Analysis;

public sealed class JapaneseAnalyzerTests
{
    private static (List<string> Words, List<string> Grams) Analyze(string text)
    {
        var words = new List<string>();
        var grams = new List<string>();
        new JapaneseAnalyzer().Analyze(text, words, grams);
        return (words, grams);
    }

    [Fact]
    public void Analyze_SentenceWithParticles_DropsParticlesAndAuxiliaries()
    {
        // Act
        var (words, _) = Analyze("住民票の写しをコンビニで取りたいのですが、できますか？");

        // Assert
        Assert.Contains("住民", words);
        Assert.Contains("こんびに", words);
        foreach (var function in new[] { "の", "を", "で", "たい", "のですが", "ですが", "できますか", "か" })
            Assert.DoesNotContain(function, words);
    }

    [Fact]
    public void Analyze_AdjacentKanjiWords_AddsTheCompound()
    {
        // Act
        var (words, _) = Analyze("国民健康保険証");

        // Assert
        Assert.Contains("国民健康保険証", words);
    }

    [Fact]
    public void Analyze_KanjiRun_ProducesOverlappingBigrams()
    {
        // Act
        var (_, grams) = Analyze("住民票");

        // Assert
        Assert.Equal(["住民", "民票"], grams);
    }

    [Fact]
    public void Analyze_KatakanaAndHalfWidth_ProduceTheSameTerms()
    {
        // Act
        var full = Analyze("ゴミの出し方");
        var half = Analyze("ｺﾞﾐの出し方");

        // Assert
        Assert.Equal(full.Words, half.Words);
        Assert.Equal(full.Grams, half.Grams);
    }

    [Fact]
    public void Analyze_LatinPlural_IsLowerCasedAndStemmed()
    {
        // Act
        var (words, _) = Analyze("PDFs");

        // Assert
        Assert.Contains("pdf", words);
    }
}
