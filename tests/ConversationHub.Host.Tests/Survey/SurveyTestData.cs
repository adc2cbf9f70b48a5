using ConversationHub.Core.Calendar;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Survey;
using ConversationHub.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Survey;

/// <summary>Survey sessions and answers written straight to the database, for the results report's tests.</summary>
internal static class SurveyTestData
{
    /// <summary>
    /// Five sessions offered yesterday (Japan time) and one the week before: web chat — completed (30代, 満足 4, a reason
    /// that starts with "="), completed (30代, とても満足 5), declined; LINE — answering when the window passed (20代),
    /// awaiting consent; and a completed one eight days ago (not in yesterday's figures).
    /// </summary>
    public static async Task<DateOnly> SeedAsync(HubHost host, CancellationToken ct)
    {
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(-1);
        var at = JapanTime.At(yesterday, new TimeOnly(10, 0)).UtcDateTime;
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        SurveySession Session(ConversationChannel channel, SurveySessionState state, DateTime offered)
        {
            var session = new SurveySession(Guid.NewGuid(), 1, channel, null, offered) { State = state };
            if (state is SurveySessionState.Answering or SurveySessionState.Completed)
                session.ConsentedAtUtc = offered.AddMinutes(1);
            db.SurveySessions.Add(session);
            return session;
        }

        void Answer(SurveySession session, string key, string? choice = null, int? score = null, string? text = null) =>
            db.SurveyAnswers.Add(new SurveyAnswer(session.ConversationId, 1, key, session.OfferedAtUtc.AddMinutes(2)) { Choice = choice, Score = score, Text = text });

        var first = Session(ConversationChannel.WebChat, SurveySessionState.Completed, at);
        Answer(first, "age", "30代");
        Answer(first, "satisfaction", "満足", 4);
        Answer(first, "reason", text: "=HYPERLINK(\"x\") 説明が丁寧でした");
        var second = Session(ConversationChannel.WebChat, SurveySessionState.Completed, at.AddHours(1));
        Answer(second, "age", "30代");
        Answer(second, "satisfaction", "とても満足", 5);
        Session(ConversationChannel.WebChat, SurveySessionState.Declined, at.AddHours(2));
        var line = Session(ConversationChannel.Line, SurveySessionState.Answering, at.AddHours(3));
        Answer(line, "age", "20代");
        Session(ConversationChannel.Line, SurveySessionState.AwaitingConsent, at.AddHours(4));
        var old = Session(ConversationChannel.WebChat, SurveySessionState.Completed, at.AddDays(-7));
        Answer(old, "satisfaction", "とても不満", 1);
        await db.SaveChangesAsync(ct);
        return yesterday;
    }
}
