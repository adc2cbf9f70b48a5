using System.Net;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Survey;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Survey;

/// <summary>
/// The satisfaction survey over Direct Line (issue 18, 利用者満足度調査): after the operator closes the chat the citizen is
/// asked for consent, then each item in order; digits, labels, スキップ and free text are taken, anything else is asked
/// again; declining keeps nothing but the declined count.
/// </summary>
public abstract class SurveyFlowTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Survey_ConsentedAndAnsweredWithDigitsSkipsAndFreeText_EveryAnswerKeptFreeTextEncrypted()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, HandoffSettings.OpenAllDay(), ct);
        await using var chat = await SurveyChat.ClosedByOperatorAsync(host, ct);
        var consent = await chat.MessageAsync(SurveyChat.ConsentQuestion, ct);
        Assert.Equal(["はい", "いいえ"], SurveyChat.Choices(consent));

        // Act: consent, then each item in order.
        var age = await chat.AnswerAsync("はい", "年代を教えてください", ct);
        Assert.Equal(["10代以下", "20代", "30代", "40代", "50代", "60代", "70代", "80代以上", "スキップ"], SurveyChat.Choices(age));
        await chat.AnswerAsync("3", "性別を教えてください", ct);
        var retry = await chat.AnswerAsync("わからない", "選択肢から選ぶか、番号でお答えください", ct);
        Assert.Contains("1 男性、2 女性", DirectLineTestClient.TextOf(retry), StringComparison.Ordinal);
        Assert.Contains("性別を教えてください", DirectLineTestClient.TextOf(retry), StringComparison.Ordinal);
        await chat.AnswerAsync("女性", "何で知りましたか", ct);
        await chat.AnswerAsync("スキップ", "どのくらい利用していますか", ct);
        var satisfaction = await chat.AnswerAsync("初めて", "5段階でお選びください", ct);
        Assert.Equal(["とても満足", "満足", "ふつう", "不満", "とても不満"], SurveyChat.Choices(satisfaction));
        await chat.AnswerAsync("スキップ", "この質問は省略できません", ct);
        await chat.AnswerAsync("とても", "5段階から選ぶか", ct);
        var reason = await chat.AnswerAsync("４", "理由をお聞かせください", ct);
        Assert.Equal(["スキップ"], SurveyChat.Choices(reason));
        await chat.AnswerAsync("丁寧に教えていただき助かりました。山田 090-1234-5678", "ご意見・ご要望", ct);
        await chat.AnswerAsync("スキップ", "アンケートへのご協力ありがとうございました", ct);

        // Assert: the answers on version 1, free text decrypted here and encrypted in the table; the rating as before.
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var session = await db.SurveySessions.AsNoTracking().SingleAsync(s => s.ConversationId == chat.ConversationId, ct);
        Assert.Equal((SurveySessionState.Completed, 1, 7), (session.State, session.Version, session.NextItem));
        Assert.NotNull(session.ConsentedAtUtc);
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => a.ConversationId == chat.ConversationId).ToDictionaryAsync(a => a.ItemKey, ct);
        Assert.Equal(["age", "frequency", "gender", "reason", "satisfaction"], answers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("30代", "女性", "初めて"), (answers["age"].Choice, answers["gender"].Choice, answers["frequency"].Choice));
        Assert.Equal(("満足", 4), (answers["satisfaction"].Choice, answers["satisfaction"].Score!.Value));
        Assert.Equal("丁寧に教えていただき助かりました。山田 090-1234-5678", answers["reason"].Text);
        Assert.All(answers.Values, a => Assert.Equal(1, a.Version));
        var stored = await HandoffFlowTests.RawTextAsync(host, "SELECT \"Text\" FROM handoff_survey_answers WHERE \"ItemKey\" = 'reason'", ct);
        Assert.DoesNotContain("丁寧", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("090", stored, StringComparison.Ordinal);
        var record = await db.Requests.AsNoTracking().SingleAsync(r => r.ConversationId == chat.ConversationId, ct);
        Assert.Equal(4, record.Satisfaction);
        var rating = await scope.ServiceProvider.GetRequiredService<HubDbContext>().ContactEvents.AsNoTracking()
            .SingleAsync(e => e.ConversationId == chat.ConversationId && e.Kind == ContactEventKind.SatisfactionGiven, ct);
        Assert.Equal((4, chat.Agent.Id), (rating.Satisfaction!.Value, rating.AgentId!.Value));
        Assert.DoesNotContain(host.Logs, l => l.Contains("090-1234", StringComparison.Ordinal) || l.Contains("丁寧", StringComparison.Ordinal));

        // After the survey the conversation takes nothing more.
        using var late = await chat.Citizen.PostActivityAsync(DirectLineTestClient.Message("もう一つ", "late"), ct);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
    }

    [Fact]
    public async Task Survey_ConsentDeclined_ThanksAndKeepsNothingButTheDeclinedCount()
    {
        // Arrange
        var ct = TestTimeout.Token(150);
        await using var host = await HubHost.StartAsync(provider, HandoffSettings.OpenAllDay(), ct);
        await using var chat = await SurveyChat.ClosedByOperatorAsync(host, ct);

        // Act: an unreadable answer is asked again; then いいえ.
        var retry = await chat.AnswerAsync("どうしようかな", "「はい」か「いいえ」でお答えください", ct);
        Assert.Equal(["はい", "いいえ"], SurveyChat.Choices(retry));
        var declined = await chat.AnswerAsync("いいえ", "承知しました", ct);

        // Assert
        Assert.Empty(SurveyChat.Choices(declined));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var session = await db.SurveySessions.AsNoTracking().SingleAsync(s => s.ConversationId == chat.ConversationId, ct);
        Assert.Equal(SurveySessionState.Declined, session.State);
        Assert.Null(session.ConsentedAtUtc);
        Assert.False(await db.SurveyAnswers.AnyAsync(a => a.ConversationId == chat.ConversationId, ct));
        Assert.Null((await db.Requests.AsNoTracking().SingleAsync(r => r.ConversationId == chat.ConversationId, ct)).Satisfaction);
        Assert.False(await scope.ServiceProvider.GetRequiredService<HubDbContext>().ContactEvents
            .AnyAsync(e => e.ConversationId == chat.ConversationId && e.Kind == ContactEventKind.SatisfactionGiven, ct));
        using var late = await chat.Citizen.PostActivityAsync(DirectLineTestClient.Message("はい", "late"), ct);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
    }
}

public sealed class SqliteSurveyFlowTests() : SurveyFlowTests(DatabaseProvider.Sqlite);

public sealed class PostgresSurveyFlowTests() : SurveyFlowTests(DatabaseProvider.Postgres);
