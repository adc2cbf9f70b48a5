using System.Net;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.FaqSite;

/// <summary>
/// Issue 3, hiragana where the FAQ has kanji: the public search page finds a kanji FAQ from its reading, without any
/// synonym, with the system lexicon that test.sh installs (Debian's mecab-ipadic), and marks the kanji the hiragana
/// read; and a node without the lexicon starts, says so in its log, and searches and marks as before.
/// </summary>
public sealed class ReadingSearchHttpTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private static string Search(string query) => "/search?q=" + Uri.EscapeDataString(query);

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HubHost host, string path, CancellationToken ct)
    {
        using var client = host.CreateBrowserClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    [Theory]
    [InlineData("蜂の巣を駆除してほしい。", "はちのすのくじょ")]
    [InlineData("狂犬病の予防注射を受けたい。", "きょうけんびょうのよぼうちゅうしゃ")]
    public async Task SearchPage_HiraganaQuery_FindsTheKanjiFaq(string question, string query)
    {
        // Arrange
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(fixture.Host, ct, question: question, answer: "生活環境課までご相談ください。");
        await FaqTestData.IndexAsync(fixture.Host, ct, faq.Id);

        // Act
        var (status, html) = await GetAsync(fixture.Host, Search(query), ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(faq.Id.ToString(), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_HiraganaQuery_MarksTheKanjiWordItReads()
    {
        // Arrange
        var ct = TestTimeout.Token();

        // Act: the demo FAQ 住民票の写しはどこで取れますか？ has じゅうみんひょう only in a paraphrase, which the page does not
        // show, and in no synonym: the mark can only come from the reading.
        var (status, html) = await GetAsync(fixture.Host, Search("じゅうみんひょう"), ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<mark>住民票</mark>の写しはどこで取れますか？", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_LexiconMissing_WarnsAndSearchStillWorks()
    {
        // Arrange
        var ct = TestTimeout.Token(90);
        var missing = Path.Combine(Path.GetTempPath(), "hub-no-lexicon-" + Guid.NewGuid().ToString("N"));
        await using var host = await HubHost.StartAsync(
            DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["FaqSearch:Readings:DictionaryPath"] = missing }, ct);
        var faq = await FaqTestData.CreateAsync(host, ct, question: "狂犬病の予防注射を受けたい。", answer: "生活環境課までご相談ください。");
        await FaqTestData.IndexAsync(host, ct, faq.Id);

        // Act
        var (kanjiStatus, kanji) = await GetAsync(host, Search("狂犬病の予防注射"), ct);
        var (hiraganaStatus, hiragana) = await GetAsync(host, Search("きょうけんびょうのよぼうちゅうしゃ"), ct);
        var (_, ownWordsOnly) = await GetAsync(host, Search("ごみのだしかた"), ct);

        // Assert
        Assert.Contains(host.Logs, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains(missing, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, kanjiStatus);
        Assert.Contains(faq.Id.ToString(), kanji, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, hiraganaStatus);
        Assert.DoesNotContain(faq.Id.ToString(), hiragana, StringComparison.Ordinal);
        // Without readings the page marks the query's own words only, as before them.
        Assert.Contains("<mark>ごみ</mark>の分け方・出し方を教えてください。", ownWordsOnly, StringComparison.Ordinal);
    }
}
