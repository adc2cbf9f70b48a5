using ConversationHub.Core.Programs;

namespace ConversationHub.Core.Tests.Programs;

/// <summary>A program's text in a citizen's language: the translation where entered, else the Japanese marked untranslated.</summary>
public sealed class ProgramEntryTests
{
    private static readonly ProgramEntry Coupon = new(Guid.NewGuid(), "coupon", "子育て応援クーポン", true, false, null, ["ja", "en", "ko"], "受付は終了しました。", "")
    {
        Translations = [new ProgramTranslation("en", "Child-rearing coupon", null, "", null)],
    };

    [Theory]
    [InlineData("ja", "子育て応援クーポン", true)]
    [InlineData("en", "Child-rearing coupon", true)]
    [InlineData("ko", "子育て応援クーポン", false)]
    public void TextIn_Name_TranslationOrJapaneseMarked(string language, string expected, bool translated)
    {
        // Act
        var name = Coupon.TextIn(language, Coupon.Name, t => t.Name);

        // Assert
        Assert.Equal(new LocalizedProgramText(expected, translated), name);
    }

    [Fact]
    public void TextIn_NullOrEmptyTranslation_FallsBackToJapanese_AndAnEmptyJapaneseNeedsNoNote()
    {
        // Act
        var end = Coupon.TextIn("en", Coupon.EndMessage, t => t.EndMessage);
        var guidance = Coupon.TextIn("en", Coupon.AfterEndGuidance, t => t.AfterEndGuidance);

        // Assert
        Assert.Equal(new LocalizedProgramText("受付は終了しました。", false), end);
        Assert.Equal(new LocalizedProgramText("", true), guidance);
    }
}
