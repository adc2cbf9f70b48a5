using ConversationHub.Faq.Search.Readings;

namespace ConversationHub.Faq.Tests.Search.Readings;

/// <summary>The node's default reading dictionary, for tests that need the real lexicon (and fail clearly without it).</summary>
internal static class SystemLexicon
{
    public static ReadingDictionary Required()
    {
        var lexicon = SystemReadingDictionaries.Default;
        Assert.False(lexicon.IsEmpty, $"These tests need Debian's mecab-ipadic at {ReadingDictionaryOptions.DefaultPath} (test.sh installs it).");
        return lexicon;
    }
}
