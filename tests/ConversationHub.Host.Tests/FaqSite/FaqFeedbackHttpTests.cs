using System.Net;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Host.Tests.FaqSite;

/// <summary>The 役に立ちましたか form over real HTTP, with its anti-forgery token, on each provider.</summary>
public abstract class FaqFeedbackHttpTests(HostFixture fixture)
{
    private HubHost Host => fixture.Host;

    [Fact]
    public async Task Post_HelpfulWithComment_StoresItEncryptedAndThanks()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(Host, ct);
        using var client = Host.CreateBrowserClient();
        const string comment = "山田太郎です。電話 090-1234-5678 に連絡ください。";

        // Act
        using var response = await FormPost.SubmitAsync(client, FaqTestData.PathOf(faq), Fields("no", comment), ct);
        var thanks = await client.GetStringAsync(response.Headers.Location, ct);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("ご回答ありがとうございました", thanks, StringComparison.Ordinal);
        var stored = await FaqTestData.WithFaqDbAsync(Host, db => db.Feedback.AsNoTracking().SingleAsync(f => f.FaqId == faq.Id, ct));
        Assert.False(stored.Helpful);
        Assert.Equal(comment, stored.Comment);
        Assert.Equal(FaqFeedbackChannel.Site, stored.Channel);
        var raw = await FaqTestData.WithFaqDbAsync(Host, db => db.Database
            .SqlQuery<string>($"SELECT \"Comment\" AS \"Value\" FROM faq_feedback WHERE \"FaqId\" = {faq.Id}").SingleAsync(ct));
        var channel = await FaqTestData.WithFaqDbAsync(Host, db => db.Database
            .SqlQuery<string>($"SELECT \"Channel\" AS \"Value\" FROM faq_feedback WHERE \"FaqId\" = {faq.Id}").SingleAsync(ct));
        Assert.DoesNotContain("山田", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("090", raw, StringComparison.Ordinal);
        Assert.Equal("site", channel);
        Assert.DoesNotContain(Host.Logs, line => line.Contains("090-1234-5678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_HelpfulWithoutComment_StoresNullComment()
    {
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(Host, ct);
        using var client = Host.CreateBrowserClient();

        using var response = await FormPost.SubmitAsync(client, FaqTestData.PathOf(faq), Fields("yes", "   "), ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await FaqTestData.WithFaqDbAsync(Host, db => db.Feedback.AsNoTracking().SingleAsync(f => f.FaqId == faq.Id, ct));
        Assert.True(stored.Helpful);
        Assert.Null(stored.Comment);
    }

    [Theory]
    [InlineData("", "短いご意見", "「はい」か「いいえ」を選んでから、送信してください。")]
    [InlineData("maybe", "短いご意見", "「はい」か「いいえ」を選んでから、送信してください。")]
    [InlineData("yes", null, "ご意見は1000文字以内で入力してください。")]
    public async Task Post_InvalidInput_ShowsJapaneseErrorAndStoresNothing(string helpful, string? comment, string message)
    {
        // Arrange
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(Host, ct);
        using var client = Host.CreateBrowserClient();

        // Act
        using var response = await FormPost.SubmitAsync(client, FaqTestData.PathOf(faq), Fields(helpful, comment ?? new string('長', 1001)), ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(0, await FaqTestData.WithFaqDbAsync(Host, db => db.Feedback.CountAsync(f => f.FaqId == faq.Id, ct)));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(Host, ct);
        using var client = Host.CreateBrowserClient();
        using var form = new FormUrlEncodedContent(Fields("yes", ""));

        using var response = await client.PostAsync(new Uri(FaqTestData.PathOf(faq), UriKind.Relative), form, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await FaqTestData.WithFaqDbAsync(Host, db => db.Feedback.CountAsync(f => f.FaqId == faq.Id, ct)));
    }

    private static Dictionary<string, string> Fields(string helpful, string comment) =>
        new(StringComparer.Ordinal) { ["Helpful"] = helpful, ["Comment"] = comment };
}

public sealed class SqliteFaqFeedbackHttpTests(SqliteHostFixture fixture) : FaqFeedbackHttpTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresFaqFeedbackHttpTests(PostgresHostFixture fixture) : FaqFeedbackHttpTests(fixture), IClassFixture<PostgresHostFixture>;
