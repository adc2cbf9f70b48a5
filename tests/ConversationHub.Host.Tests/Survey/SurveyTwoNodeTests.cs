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
/// Two nodes on one PostgreSQL database both hear every answer: each answer is taken once, each question and each
/// re-prompt is sent once.
/// </summary>
public sealed class SurveyTwoNodeTests
{
    [Fact]
    public async Task Survey_TwoNodesHearEveryAnswer_EachTakenAndAnsweredOnce()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        await using var nodeA = HubHost.Start(database, ownsDatabase: false, pii, HandoffSettings.OpenAllDay());
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii, HandoffSettings.OpenAllDay());
        await using var chat = await SurveyChat.ClosedByOperatorAsync(nodeA, ct);

        // Act
        await chat.AnswerAsync("はい", "年代を教えてください", ct);
        await chat.AnswerAsync("百歳", "選択肢から選ぶか、番号でお答えください", ct);
        await chat.AnswerAsync("8", "性別を教えてください", ct);
        await Task.Delay(2000, ct);

        // Assert
        var (activities, _) = await chat.Citizen.GetActivitiesAsync("", ct);
        int Count(string text) => activities.Count(a => DirectLineTestClient.IsBotMessage(a) && DirectLineTestClient.TextOf(a).Contains(text, StringComparison.Ordinal));
        // The age question is asked once and repeated once in its re-prompt.
        Assert.Equal((1, 1, 1, 2), (Count(SurveyChat.ConsentQuestion), Count("選択肢から選ぶか"), Count("性別を教えてください"), Count("年代を教えてください")));
        await using var scope = nodeB.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var answer = await db.SurveyAnswers.AsNoTracking().SingleAsync(a => a.ConversationId == chat.ConversationId, ct);
        Assert.Equal(("age", "80代以上"), (answer.ItemKey, answer.Choice));
        var session = await db.SurveySessions.AsNoTracking().SingleAsync(s => s.ConversationId == chat.ConversationId, ct);
        Assert.Equal((SurveySessionState.Answering, 1), (session.State, session.NextItem));
    }
}
