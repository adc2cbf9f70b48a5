using ConversationHub.Faq.Site;

namespace ConversationHub.Faq.Tests.Site;

public sealed class FaqSlugTests
{
    [Theory]
    [InlineData("住民票の写しはどこで取れますか？", "住民票の写しはどこで取れますか")]
    [InlineData("ＤＶ・ストーカー被害を受けています", "dv-ストーカー被害を受けています")]
    [InlineData("LINE で 粗大ごみ を申し込めますか?", "line-で-粗大ごみ-を申し込めますか")]
    [InlineData("？？？", "")]
    public void From_Question_KeepsLettersAndDigits(string question, string expected) =>
        Assert.Equal(expected, FaqSlug.From(question));

    [Fact]
    public void From_LongQuestion_IsCutAtMaxLength()
    {
        var slug = FaqSlug.From(new string('あ', 100));

        Assert.Equal(FaqSlug.MaxLength, slug.Length);
    }

    [Fact]
    public void CanonicalPath_IsPercentEncodedAndOmitsEmptySlug()
    {
        var id = Guid.Parse("01a20acb-c7da-7805-94b4-a32f361cd37a");

        Assert.Equal("/faq/01a20acb-c7da-7805-94b4-a32f361cd37a/%E7%A8%8E", FaqSlug.CanonicalPath(id, "税？"));
        Assert.Equal("/faq/01a20acb-c7da-7805-94b4-a32f361cd37a", FaqSlug.CanonicalPath(id, "？"));
    }
}
