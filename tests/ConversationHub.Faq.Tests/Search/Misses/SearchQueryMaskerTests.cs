using ConversationHub.Faq.Search.Misses;

namespace ConversationHub.Faq.Tests.Search.Misses;

public sealed class SearchQueryMaskerTests
{
    [Theory]
    [InlineData("電話 09012345678 に折り返して", "電話 ＊ に折り返して")]
    [InlineData("090-1234-5678に電話ください", "＊に電話ください")]
    [InlineData("０９０ー１２３４ー５６７８", "＊")]
    [InlineData("〒123-4567 の住所変更", "〒＊ の住所変更")]
    [InlineData("マイナンバー 1234 5678 9012 を紛失", "マイナンバー ＊ を紛失")]
    [InlineData("taro.yamada@example.co.jp に返信", "＊ に返信")]
    [InlineData("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "＊")]
    [InlineData("https://city.example.jp/page?id=1 が開けない", "＊ が開けない")]
    [InlineData("www.city.example.jp を見た", "＊ を見た")]
    public void Apply_PersonalData_IsMasked(string query, string expected)
    {
        Assert.Equal(expected, SearchQueryMasker.Apply(query));
    }

    [Theory]
    [InlineData("住民票 コンビニ")]
    [InlineData("第3子の児童手当")]
    [InlineData("粗大ごみ 500円")]
    [InlineData("令和7年度の住民税")]
    public void Apply_OrdinaryQuery_IsKept(string query)
    {
        Assert.Equal(query, SearchQueryMasker.Apply(query));
    }

    [Fact]
    public void Apply_LongQuery_IsCutTo200()
    {
        var masked = SearchQueryMasker.Apply(new string('あ', 10_000));

        Assert.Equal(FaqSearchMiss.MaxQueryLength, masked.Length);
    }

    [Fact]
    public void Apply_NumberSplitIntoShortPieces_IsStillMasked()
    {
        // A phone number typed in groups of three must not slip through as "short digit runs".
        Assert.DoesNotContain("123", SearchQueryMasker.Apply("番号は 012 345 678 9 です"), StringComparison.Ordinal);
    }
}
