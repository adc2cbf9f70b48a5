using ConversationHub.Faq.Search.Readings;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Faq.Tests.Search.Readings;

public sealed class SystemReadingDictionariesTests
{
    [Fact]
    public void Get_FolderMissing_ReturnsEmptyAndWarnsNamingTheSetting()
    {
        // Arrange
        var logger = new ListLogger();
        var missing = Path.Combine(Path.GetTempPath(), "hub-no-lexicon-" + Guid.NewGuid().ToString("N"));

        // Act
        var dictionary = SystemReadingDictionaries.Get(new ReadingDictionaryOptions { DictionaryPath = missing }, logger);

        // Assert
        Assert.True(dictionary.IsEmpty);
        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("FaqSearch:Readings:DictionaryPath", message, StringComparison.Ordinal);
        Assert.Contains(missing, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_SameFolderTwice_LoadsItOnce()
    {
        // Arrange
        var directory = MecabLexiconReaderTests.WriteLexicon("住民,1285,1285,5642,名詞,一般,*,*,*,*,住民,ジュウミン,ジューミン");
        var logger = new ListLogger();
        var options = new ReadingDictionaryOptions { DictionaryPath = directory };

        // Act
        var first = SystemReadingDictionaries.Get(options, logger);
        var second = SystemReadingDictionaries.Get(options, logger);

        // Assert
        Assert.Same(first, second);
        Assert.Equal(1, first.Count);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Information);
    }

    [Fact]
    public void Get_EncodingUnknown_ReturnsEmptyAndWarns()
    {
        // Arrange
        var directory = MecabLexiconReaderTests.WriteLexicon("住民,1285,1285,5642,名詞,一般,*,*,*,*,住民,ジュウミン,ジューミン");
        var logger = new ListLogger();

        // Act
        var dictionary = SystemReadingDictionaries.Get(new ReadingDictionaryOptions { DictionaryPath = directory, Encoding = "no-such-encoding" }, logger);

        // Assert
        Assert.True(dictionary.IsEmpty);
        Assert.Equal(LogLevel.Warning, Assert.Single(logger.Entries).Level);
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
