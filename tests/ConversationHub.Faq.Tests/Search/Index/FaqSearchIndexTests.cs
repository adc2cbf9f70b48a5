using ConversationHub.Faq.Search.Analysis;
using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Tests.Search.Index;

public sealed class FaqSearchIndexTests
{
    private static readonly SearchDocument[] Corpus =
    [
        new("garbage", "ゴミの出し方を知りたい。", "家庭ゴミは、地域ごとに決められた収集日の朝8時30分までに出してください。粗大ゴミは申込が必要です。"),
        new("mynumber", "マイナンバーカードを受け取りたい。", "マイナンバーカードの交付通知書が届いたら、本人確認書類を持って市民課窓口へお越しください。"),
        new("residence", "住民票の写しを取りたい。", "住民票の写しは市民課窓口、各サービスセンター、またはコンビニエンスストアで取得できます。手数料は300円です。"),
        new("moving", "市外から引っ越してきたときの手続きは？（転入届）", "引っ越しをした日から14日以内に転入届を提出してください。転出証明書と本人確認書類が必要です。"),
        new("library", "図書館の本の返却期限を延ばしたい。", "貸出期間は2週間です。予約がなければ一回延長できます。図書館カウンターでお申し出ください。"),
        new("pension", "国民年金の保険料を免除してほしい。", "所得が少なく保険料を納めることが困難な場合は、免除申請ができます。年金手帳と印鑑をお持ちください。"),
    ];

    private static FaqSearchIndex CreateIndex(ISynonymDictionary? synonyms = null)
    {
        var index = new FaqSearchIndex(new JapaneseAnalyzer(), Bm25FParameters.Default, synonyms ?? new InMemorySynonymDictionary());
        index.Rebuild(Corpus);
        return index;
    }

    [Theory]
    [InlineData("ごみってどうやって捨てるの", "garbage")]
    [InlineData("ｺﾞﾐの出し方", "garbage")]
    [InlineData("まいなんばーかーど受け取り", "mynumber")]
    [InlineData("住民票がほしいです", "residence")]
    [InlineData("引越しの届出", "moving")]
    [InlineData("借りた本を返すのが遅れそう", "library")]
    [InlineData("年金払えない", "pension")]
    public void Search_ColloquialQuery_RanksTheRightFaqFirst(string query, string expected)
    {
        // Arrange
        var index = CreateIndex();

        // Act
        var hits = index.Search(query, top: 3);

        // Assert
        Assert.NotEmpty(hits);
        Assert.Equal(expected, hits[0].DocumentId);
    }

    [Fact]
    public void Search_SynonymInDictionary_FindsFaqWrittenWithTheOtherTerm()
    {
        // Arrange
        var synonyms = new InMemorySynonymDictionary();
        var index = CreateIndex(synonyms);
        var before = index.Search("廃棄物の処分", top: 3);

        // Act
        synonyms.Add("ゴミ", "廃棄物");
        var after = index.Search("廃棄物の処分", top: 3);

        // Assert
        Assert.DoesNotContain(before, h => h.DocumentId == "garbage");
        Assert.Equal("garbage", after[0].DocumentId);
    }

    [Fact]
    public void Rebuild_OneFaqChanged_ReanalysesOnlyThatOne()
    {
        // Arrange
        var index = CreateIndex();
        var before = index.Retrieve("図書館", 1).Snapshot;
        var edited = Corpus.Select(d => d.Id == "library" ? d with { Answer = "電子書籍サービスもご利用いただけます。" } : d).ToArray();

        // Act
        index.Rebuild(edited);
        var after = index.Retrieve("電子書籍", 1);

        // Assert
        Assert.Equal("library", after.DocumentId(0));
        foreach (var document in Corpus)
        {
            var old = before.Documents[before.SlotById[document.Id]];
            var current = after.Snapshot.Documents[after.Snapshot.SlotById[document.Id]];
            Assert.Equal(document.Id != "library", ReferenceEquals(old, current));
        }
    }

    [Fact]
    public void Rebuild_SameIdNewParaphrase_IsReanalysed()
    {
        // Arrange
        var index = CreateIndex();

        // Act
        index.Rebuild([.. Corpus.Select(d => d.Id == "pension" ? d with { Paraphrases = ["ねんきんがはらえない"] } : d)]);

        // Assert
        Assert.Equal("pension", index.Search("ねんきんがはらえない", top: 1)[0].DocumentId);
    }

    [Fact]
    public void Search_LongParagraph_QuestionSentenceOutweighsCircumstances()
    {
        // Arrange: the circumstances talk about the library at length; the question is about the residence record.
        var index = CreateIndex();
        var paragraph = "いつも図書館をよく利用していて、本の返却期限を延ばしてもらったこともあります。図書館の本はとても助かっています。"
            + "ところで住民票の写しを取りたいのですが、どこで取れますか。よろしくお願いします。";

        // Act
        var hits = index.Search(paragraph, top: 2);

        // Assert
        Assert.Equal("residence", hits[0].DocumentId);
    }

    [Fact]
    public void Upsert_ChangedAnswer_IsFoundByItsNewText()
    {
        // Arrange
        var index = CreateIndex();

        // Act
        index.Upsert(Corpus[4] with { Answer = "電子書籍サービスもご利用いただけます。" });
        var hits = index.Search("電子書籍", top: 3);
        var oldText = index.Search("貸出期間", top: 3);

        // Assert
        Assert.Equal("library", hits[0].DocumentId);
        Assert.DoesNotContain(oldText, h => h.DocumentId == "library");
        Assert.Equal(Corpus.Length, index.Count);
    }

    [Fact]
    public void Remove_ExistingDocument_IsNoLongerFound()
    {
        // Arrange
        var index = CreateIndex();

        // Act
        var removed = index.Remove("garbage");
        var hits = index.Search("ゴミの出し方", top: 10);

        // Assert
        Assert.True(removed);
        Assert.DoesNotContain(hits, h => h.DocumentId == "garbage");
        Assert.Equal(Corpus.Length - 1, index.Count);
        Assert.False(index.Remove("garbage"));
    }

    [Fact]
    public void Upsert_ManyEdits_ScoresMatchAFullRebuild()
    {
        // Arrange
        var incremental = CreateIndex();
        var edited = Corpus.Select(d => d with { Question = d.Question + "（改訂）" }).ToArray();

        // Act
        foreach (var document in edited)
            incremental.Upsert(document);
        var rebuilt = new FaqSearchIndex(new JapaneseAnalyzer(), Bm25FParameters.Default, new InMemorySynonymDictionary());
        rebuilt.Rebuild(edited);
        var a = incremental.Search("住民票の写し", top: 6);
        var b = rebuilt.Search("住民票の写し", top: 6);

        // Assert
        Assert.Equal(b.Select(h => h.DocumentId), a.Select(h => h.DocumentId));
        for (var i = 0; i < a.Count; i++)
            Assert.Equal(b[i].Score, a[i].Score, 4);
    }

    [Fact]
    public void Search_WithFilter_SkipsDocumentsTheFilterRejects()
    {
        // Arrange
        var index = CreateIndex();

        // Act
        var hits = index.Search("窓口", top: 10, filter: id => id != "mynumber");

        // Assert
        Assert.NotEmpty(hits);
        Assert.DoesNotContain(hits, h => h.DocumentId == "mynumber");
    }

    [Fact]
    public void Search_NoMatchingTerm_ReturnsNothing()
    {
        // Arrange
        var index = CreateIndex();

        // Act
        var hits = index.Search("xyz", top: 10);

        // Assert
        Assert.Empty(hits);
    }
}
