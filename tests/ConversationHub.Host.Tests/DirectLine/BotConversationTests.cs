using ConversationHub.Core.Persistence;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>A platform whose contact center is never open (no weekly hours), so answers never promise a person.</summary>
public sealed class ClosedCenterHostFixture : IAsyncLifetime
{
    public HubHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = DirectLineHostFixture.Settings();
        foreach (var day in Enum.GetNames<DayOfWeek>())
        {
            settings[$"Calendar:WeeklyHours:{day}"] = "";
        }

        Host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The bot's answering policy over Direct Line: feedback, options by the calendar, もしかして.</summary>
public sealed class BotConversationTests(ClosedCenterHostFixture fixture) : IClassFixture<ClosedCenterHostFixture>
{
    [Fact]
    public async Task No_AfterAnAnswer_RecordsFeedbackAndOffersOnlyTheInquiryWhenClosed()
    {
        // Arrange: a question the demo FAQs answer.
        var ct = TestTimeout.Token();
        using var client = new DirectLineTestClient(fixture.Host.CreateClient());
        await client.StartAsync(ct);
        await client.SayAsync("粗大ごみの出し方を教えてください", "q-1", ct);
        await client.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x) == "解決しましたか？"), ct);
        var before = await CountFeedbackAsync(ct);

        // Act
        await client.SayAsync("いいえ", "q-2", ct);
        var (activities, _) = await client.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains("受付時間外", StringComparison.Ordinal)), ct);

        // Assert
        var options = activities.Last(x => DirectLineTestClient.TextOf(x).Contains("受付時間外", StringComparison.Ordinal));
        var titles = options.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Contains("メールで問い合わせる", titles);
        Assert.DoesNotContain("オペレーターと話す", titles);
        // Feedback is recorded just after the turn's commit, which is when the options become visible.
        await Eventually.UntilAsync(async () => await CountFeedbackAsync(ct) == before + 1 ? "recorded" : null, "the いいえ feedback", ct);
        await Eventually.UntilAsync(async () =>
        {
            await using var scope = fixture.Host.Services.CreateAsyncScope();
            var judgements = await scope.ServiceProvider.GetRequiredService<FaqDbContext>().RankingJudgements.AsNoTracking()
                .Where(j => j.Source == ConversationHub.Faq.Ranking.Judgements.JudgementSource.ChatFeedback).ToListAsync(ct);
            return judgements.Find(j => j.Query == "粗大ごみの出し方を教えてください" && j.Grade == 0);
        }, "the いいえ judgement", ct);
        Assert.Equal(before + 1, await CountFeedbackAsync(ct));
    }

    [Fact]
    public async Task OperatorRequest_WhenClosed_PromisesNoPerson()
    {
        var ct = TestTimeout.Token();
        using var client = new DirectLineTestClient(fixture.Host.CreateClient());
        await client.StartAsync(ct);

        await client.SayAsync("人と話したいです", "op-1", ct);
        var (activities, _) = await client.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains("受付時間外", StringComparison.Ordinal)), ct);

        Assert.DoesNotContain(activities, a => a.GetProperty("type").GetString() == "event");
        Assert.DoesNotContain(activities, a => DirectLineTestClient.TextOf(a).Contains("おつなぎします", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VagueQuestion_LowConfidence_OffersDidYouMeanChoices()
    {
        var ct = TestTimeout.Token();
        using var client = new DirectLineTestClient(fixture.Host.CreateClient());
        await client.StartAsync(ct);

        var vague = VagueQuery();
        await client.SayAsync(vague, "v-1", ct);
        var (activities, _) = await client.PollUntilAsync(
            a => a.Any(x => x.GetProperty("type").GetString() == "message" && x.TryGetProperty("replyToId", out _)), ct);

        var reply = activities.Last(x => x.TryGetProperty("replyToId", out _) && x.GetProperty("type").GetString() == "message");
        Assert.StartsWith("もしかして", DirectLineTestClient.TextOf(reply), StringComparison.Ordinal);
        Assert.True(reply.GetProperty("suggestedActions").GetProperty("actions").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task Greeting_IsAnsweredWithAPromptNotAnFaq()
    {
        var ct = TestTimeout.Token();
        using var client = new DirectLineTestClient(fixture.Host.CreateClient());
        await client.StartAsync(ct);

        var id = await client.SayAsync("こんにちは！", "hello-1", ct);
        var (activities, _) = await client.PollUntilAsync(
            a => a.Any(x => x.TryGetProperty("replyToId", out var r) && r.GetString() == id && x.GetProperty("type").GetString() == "message"), ct);

        var reply = activities.Single(x => x.TryGetProperty("replyToId", out var r) && r.GetString() == id && x.GetProperty("type").GetString() == "message");
        Assert.Contains("入力してください", DirectLineTestClient.TextOf(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("/faq/", DirectLineTestClient.TextOf(reply), StringComparison.Ordinal);
    }

    // A word the demo FAQs match only weakly (some result, best score under the low-confidence threshold).
    private string VagueQuery()
    {
        var search = fixture.Host.Services.GetRequiredService<ConversationHub.Faq.Search.Service.FaqSearchService>();
        var threshold = fixture.Host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ConversationHub.Faq.Search.Misses.FaqSearchOptions>>().Value.LowConfidenceScore;
        string[] words = ["ペット", "猫", "花火", "温泉", "図書", "駐輪", "自転車", "公園", "写真", "電話", "窓口", "手続き", "書類", "時間"];
        return words.FirstOrDefault(w => search.Search(w, ConversationHub.Faq.Search.Service.FaqAudience.Public) is [var top, ..] && top.Score < threshold)
            ?? throw new InvalidOperationException("No weakly matching word in the demo data; extend the candidate list.");
    }

    private async Task<int> CountFeedbackAsync(CancellationToken ct)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
        return await db.Feedback.CountAsync(f => f.Channel == FaqFeedbackChannel.Chat && !f.Helpful, ct);
    }
}
