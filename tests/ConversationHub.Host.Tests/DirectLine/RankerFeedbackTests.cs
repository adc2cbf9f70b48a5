using System.Globalization;
using ConversationHub.Bot.Engine;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>A platform whose own worker answers nothing, so each test takes the bot's turns itself, crashes included.</summary>
public sealed class ManualTurnsHostFixture : IAsyncLifetime
{
    public HubHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = DirectLineHostFixture.Settings();
        settings["Bot:Turns:AnswerTurns"] = "false";
        Host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// What the citizen's replies teach the ranker (issue 5): はい/いいえ and clicks on suggested questions become
/// judgements once per answered turn, even when a node dies after taking the turn and another node takes it again.
/// </summary>
public sealed class RankerFeedbackTests(ManualTurnsHostFixture fixture) : IClassFixture<ManualTurnsHostFixture>
{
    [Fact]
    public async Task Yes_TurnTakenAgainAfterACrashBeforeItsCommit_RecordsOneJudgement()
    {
        // Arrange: an answered question.
        var ct = TestTimeout.Token(120);
        const string Question = "住民票の写しはどこで取れますか";
        using var client = await AnsweredAsync(Question, ct);
        var yes = await client.SayAsync("はい", "fb-2", ct);

        // Act: node A takes the はい turn and dies before its commit; node B takes the same turn again.
        await TakeTurnAsync(client, yes, "node-a", commit: false, ct);
        var answered = await TakeTurnAsync(client, yes, "node-b", commit: true, ct);

        // Assert
        Assert.True(answered);
        var judgements = await JudgementsAsync(JudgementSource.ChatFeedback, Question, ct);
        var judgement = Assert.Single(judgements);
        Assert.Equal(RankingJudgement.MaxGrade, judgement.Grade);
    }

    [Fact]
    public async Task SuggestedQuestionClick_RecordsASuggestionClickWithItsFaqAndPosition()
    {
        // Arrange: an answered question, and the related questions offered with 「解決しましたか？」.
        var ct = TestTimeout.Token(120);
        const string Question = "粗大ごみの出し方を教えてください";
        using var client = await AnsweredAsync(Question, ct);
        var (activities, _) = await client.GetActivitiesAsync("", ct);
        var asked = activities.Last(a => DirectLineTestClient.TextOf(a) == "解決しましたか？");
        var suggested = asked.GetProperty("channelData").GetProperty(RankerFeedback.SuggestedFaqsKey).EnumerateArray().ToList();
        Assert.True(suggested.Count >= 2, "the answer offers at least two related questions");
        var picked = suggested[1];

        // Act: the citizen clicks the second related question; that turn is also taken twice.
        var click = await client.SayAsync(picked.GetProperty("question").GetString()!, "click-2", ct);
        await TakeTurnAsync(client, click, "node-a", commit: false, ct);
        await TakeTurnAsync(client, click, "node-b", commit: true, ct);

        // Assert
        var judgement = Assert.Single(await JudgementsAsync(JudgementSource.SuggestionClick, Question, ct));
        Assert.Equal(Guid.Parse(picked.GetProperty("faqId").GetString()!), judgement.FaqId);
        Assert.Equal(2, judgement.Position);
        Assert.Equal(1, judgement.Grade);
    }

    [Fact]
    public async Task TypedQuestion_NotAmongTheSuggestions_RecordsNoClick()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        const string Question = "マイナンバーカードを申請するにはどうすればよいですか";
        using var client = await AnsweredAsync(Question, ct);

        // Act
        await TakeTurnAsync(client, await client.SayAsync("婚姻届はどこに出せばよいですか", "typed-2", ct), "node-a", commit: true, ct);

        // Assert
        Assert.Empty(await JudgementsAsync(JudgementSource.SuggestionClick, Question, ct));
    }

    // A conversation in which the bot has answered the question (node A took and committed the turn).
    private async Task<DirectLineTestClient> AnsweredAsync(string question, CancellationToken ct)
    {
        var client = new DirectLineTestClient(fixture.Host.CreateClient());
        await client.StartAsync(ct);
        await TakeTurnAsync(client, await client.SayAsync(question, "question", ct), "node-a", commit: true, ct);
        return client;
    }

    // What BotTurnWorker does for one turn, with the commit optional: without it the "node" dies after answering.
    // The lease given has already run out, so another node may take the turn at once.
    private async Task<bool> TakeTurnAsync(DirectLineTestClient client, string activityId, string node, bool commit, CancellationToken ct)
    {
        var conversationId = Guid.Parse(client.ConversationId);
        var sequence = long.Parse(activityId.Split('|')[1], CultureInfo.InvariantCulture);
        var turn = new BotTurn(BotTurnKind.Message, conversationId, sequence);
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var inbound = await services.GetRequiredService<IConversationStore>()
            .ClaimTurnAsync(conversationId, sequence, node, DateTime.UtcNow.AddSeconds(-1), ct);
        Assert.NotNull(inbound);
        await services.GetRequiredService<FaqBot>().TakeTurnAsync(turn, inbound, ct);
        return commit && await services.GetRequiredService<BotActivityWriter>().CommitAsync(turn, node, ct);
    }

    private async Task<List<RankingJudgement>> JudgementsAsync(JudgementSource source, string query, CancellationToken ct)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var all = await scope.ServiceProvider.GetRequiredService<FaqDbContext>().RankingJudgements.AsNoTracking()
            .Where(j => j.Source == source).ToListAsync(ct);
        return [.. all.Where(j => j.Query == query)];
    }
}
