using ConversationHub.Faq.Search.Readings;

namespace ConversationHub.Faq.Tests.Search.Readings;

public sealed class ReadingDictionaryTests
{
    private static ReadingDictionary Create(params (string Surface, string Reading, int Cost)[] entries) =>
        ReadingDictionary.Create(entries, "test");

    [Fact]
    public void LongestMatch_SeveralEntriesStartHere_ReturnsTheLongest()
    {
        // Arrange
        var dictionary = Create(("住民", "ジュウミン", 10), ("住民票", "ジュウミンヒョウ", 10), ("住", "ジュウ", 10));

        // Act
        var length = dictionary.LongestMatch("住民票の写し", 0, [], out var reading);

        // Assert
        Assert.Equal(3, length);
        Assert.Equal("じゅうみんひょう", reading.ToString());
    }

    [Fact]
    public void Create_SurfaceWithSeveralReadings_KeepsTheCheapest()
    {
        // Arrange
        var dictionary = Create(("方", "ホウ", 11173), ("方", "カタ", 8725), ("方", "ガタ", 10732));

        // Act
        dictionary.LongestMatch("方", 0, [], out var reading);

        // Assert
        Assert.Equal(1, dictionary.Count);
        Assert.Equal("かた", reading.ToString());
    }

    [Fact]
    public void LongestMatchEntries_SurfaceWithSeveralReadings_GivesEachDistinctReadingCheapestFirst()
    {
        // Arrange
        var dictionary = Create(("市場", "イチバ", 8243), ("市場", "シジョウ", 3219), ("市場", "シジョウ", 9811), ("市", "シ", 10));

        // Act
        var length = dictionary.LongestMatchEntries("市場の時間", 0, [], out var entries);

        // Assert
        Assert.Equal(2, length);
        var readings = Enumerable.Range(entries.Start.Value, entries.End.Value - entries.Start.Value).Select(e => dictionary.ReadingOf(e).ToString());
        Assert.Equal(["しじょう", "いちば"], readings);
        Assert.Equal(2, dictionary.Count);
    }

    [Fact]
    public void LongestMatch_LongerEntryEndsInsideAWord_PrefersTheOneEndingAtAWordEnd()
    {
        // Arrange: 市長 would read across the word boundary of 市|町村.
        var dictionary = Create(("市", "シ", 10), ("市町", "シチョウ", 10), ("町村", "チョウソン", 10));
        bool[] wordEnds = [false, true, false, true];

        // Act
        var length = dictionary.LongestMatch("市町村", 0, wordEnds, out var reading);

        // Assert
        Assert.Equal(1, length);
        Assert.Equal("し", reading.ToString());
    }

    [Fact]
    public void LongestMatch_NoEntryStartsHere_ReturnsZero()
    {
        // Arrange
        var dictionary = Create(("住民", "ジュウミン", 10));

        // Act
        var length = dictionary.LongestMatch("戸籍", 0, [], out _);

        // Assert
        Assert.Equal(0, length);
        Assert.Equal(0, ReadingDictionary.Empty.LongestMatch("住民", 0, [], out _));
    }
}
