using System.Net;
using System.Text.Json;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.FaqSite;

/// <summary>
/// Issue 3, long colloquial queries: a citizen's paragraph with the real question somewhere in the middle still finds
/// the demo city's FAQ among the first three results.
/// </summary>
public sealed class LongQuerySearchHttpTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    public static TheoryData<string, string> Paragraphs => new()
    {
        {
            "お世話になります。先月、隣の県から若葉台市に引っ越してきたばかりで、まだこちらの役所のことがよくわかっていません。"
            + "平日は仕事が遅くまであって、窓口が開いている時間にはなかなか行けそうにないのですが、住民票を取りたいのですがコンビニでも取れますか。"
            + "もし取れるなら何を持っていけばよいかも教えてもらえると助かります。よろしくお願いします。",
            "コンビニで住民票や印鑑登録証明書を取るにはどうすればよいですか？"
        },
        {
            "こんにちは。いつもお世話になっております。実は先日、休みの日に手続きをしようとしたところ、"
            + "マイナンバーカードの暗証番号を忘れてしまったことに気がつきました。何回か試したのですが合わず、とても困っています。"
            + "家族も心配していて、できれば早めに解決したいと思っています。どうしたらいいでしょうか。よろしくお願いいたします。",
            "マイナンバーカードの暗証番号を忘れてしまいました。"
        },
        {
            "すみません、ちょっと教えてください。うちは共働きで子どもが二人いて、毎日ばたばたしているのですが、"
            + "この春から下の子を近くの保育園に入れたいと考えています。保育園に入園を申し込むにはどうしたらいいですか。"
            + "書類がたくさんあると聞いて、何から始めたらよいのか不安です。お忙しいところ申し訳ありませんが、よろしくお願いします。",
            "保育園（保育所）に入園を申し込むにはどうすればよいですか？"
        },
    };

    [Theory]
    [MemberData(nameof(Paragraphs))]
    public async Task SearchApi_ParagraphWithTheQuestionInTheMiddle_FindsTheFaqInTopThree(string paragraph, string expectedQuestion)
    {
        // Arrange
        Assert.InRange(paragraph.Length, 150, 400);
        using var client = fixture.Host.CreateBrowserClient();

        // Act
        var json = await client.GetStringAsync(new Uri("/api/faq/search?top=3&q=" + Uri.EscapeDataString(paragraph), UriKind.Relative), TestTimeout.Token());

        // Assert
        var questions = JsonDocument.Parse(json).RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("question").GetString()).ToList();
        Assert.Contains(expectedQuestion, questions);
    }

    [Fact]
    public async Task SearchPage_Paragraph_ShowsTheFaqAndAShortTitle()
    {
        // Arrange
        var paragraph = (string)Paragraphs.First()[0];
        using var client = fixture.Host.CreateBrowserClient();

        // Act
        using var response = await client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(paragraph), UriKind.Relative), TestTimeout.Token());
        var html = await response.Content.ReadAsStringAsync(TestTimeout.Token());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>「お世話になります。先月、隣の県から若葉台…」の検索結果", html, StringComparison.Ordinal);
        Assert.Contains("<mark>コンビニ</mark>で<mark>住民票</mark>や", html, StringComparison.Ordinal);
    }
}
