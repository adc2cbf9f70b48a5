using System.Net;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Figures;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Cases;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.ContactEvents;

/// <summary>
/// The modules record contact events where things happen (issue 18), through the real Direct Line, SignalR hub and
/// cases API on a running host, and the hourly roll-up folds them into the figures.
/// </summary>
public abstract class ContactEventProducerTests(DatabaseProvider provider)
{
    private static Dictionary<string, string?> Settings() => HandoffSettings.OpenAllDay(new Dictionary<string, string?> { ["ContactRollup:Interval"] = "00:00:00.300" });

    private static async Task<List<ContactEvent>> EventsAsync(HubHost host, Func<ContactEvent, bool> which, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return [.. (await db.ContactEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct)).Where(which)];
    }

    [Fact]
    public async Task WebChat_FaqAnswerHandoffAcceptClose_RecordsEachStepOnceWithTheWaitAndRollsUp()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, Settings());
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);

        // Act: an FAQ answer, a request for a person, the offer, 応答, 終了 with a wrap-up code.
        await citizen.SayAsync("粗大ごみの出し方を教えてください", "ce-1", ct);
        await citizen.PollUntilAsync(a => a.Any(x => x.TryGetProperty("channelData", out var data) && data.TryGetProperty("hub:faqId", out _)), ct);
        await citizen.SayAsync("オペレーターと話す", "ce-2", ct);
        var conversationId = Guid.Parse(citizen.ConversationId);
        await agent.WaitForOfferAsync(conversationId, ct);
        var accepted = await agent.ActAsync("Accept", ct, conversationId);
        Assert.True(accepted.Ok, accepted.Message);
        var closed = await agent.ActAsync("Close", ct, conversationId, "resolved");
        Assert.True(closed.Ok, closed.Message);

        // Assert: one event per step, in order, on the web chat channel.
        var events = await EventsAsync(host, e => e.ConversationId == conversationId, ct);
        Assert.Equal(
            [ContactEventKind.Arrived, ContactEventKind.BotAnswered, ContactEventKind.HandedOff, ContactEventKind.Offered, ContactEventKind.Answered, ContactEventKind.Closed],
            events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(ContactChannel.WebChat, e.Channel));
        Assert.NotNull(events[1].FaqId);
        var (handedOff, offered, answered, close) = (events[2], events[3], events[4], events[5]);
        Assert.Equal(agent.Id, offered.AgentId);
        Assert.Equal(agent.Id, answered.AgentId);
        var waited = (long)Math.Round((answered.OccurredAtUtc - handedOff.OccurredAtUtc).TotalMilliseconds);
        Assert.InRange(answered.WaitMs!.Value, waited - 1, waited + 1);
        Assert.Equal(("resolved", agent.Id), (close.WrapUpCode, close.AgentId!.Value));

        // The roll-up folds every event, and the figures (from the roll-up only) count each kind as often as it was recorded.
        await Eventually.UntilAsync(async () => (await EventsAsync(host, e => !e.RolledUp, ct)).Count == 0 ? "folded" : null, "every event folded", ct);
        var all = await EventsAsync(host, _ => true, ct);
        await using var scope = host.Services.CreateAsyncScope();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var hours = await scope.ServiceProvider.GetRequiredService<IContactFigures>().HourlyAsync(new ContactFigureQuery(today.AddDays(-1), today.AddDays(1)), ct);
        Assert.Equal(all.Count(e => e.Kind == ContactEventKind.Arrived), hours.Sum(h => h.Arrived));
        Assert.Equal(1, hours.Sum(h => h.BotAnswered));
        Assert.Equal((1, 1, 1, 1), (hours.Sum(h => h.HandedOff), hours.Sum(h => h.Offered), hours.Sum(h => h.Answered), hours.Sum(h => h.Closed)));
        Assert.Equal(answered.WaitMs, hours.Sum(h => h.AnswerWaitMsSum));
        Assert.Equal(0, hours.Sum(h => h.SatisfactionCount));
    }

    [Fact]
    public async Task Cases_TypedInAndEscalated_RecordTheArrivalAndTheEscalationToTheDepartment()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(provider, Settings());
        using var op = await host.SignInAsync("operator", ct);
        var id = (await op.CreateCaseAsync(new { subject = "窓口での相談" }, ct)).GetProperty("id").GetGuid();
        var department = await CaseTestSupport.DepartmentAsync(host, CaseTestSupport.CitizensDivision);

        // Act
        await op.PostJsonAsync($"/api/cases/{id}/escalate", new { departmentId = department, reasons = new[] { "personal_data" }, message = "確認願います" }, HttpStatusCode.OK, ct);

        // Assert
        var events = await EventsAsync(host, e => e.CaseId == id, ct);
        Assert.Equal([ContactEventKind.Arrived, ContactEventKind.Escalated], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(ContactChannel.Manual, e.Channel));
        Assert.Equal(department, events[1].DepartmentId);
        await Eventually.UntilAsync(async () => (await EventsAsync(host, e => !e.RolledUp, ct)).Count == 0 ? "folded" : null, "every event folded", ct);
        await using var scope = host.Services.CreateAsyncScope();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var mine = await scope.ServiceProvider.GetRequiredService<IContactFigures>().HourlyAsync(new ContactFigureQuery(today.AddDays(-1), today.AddDays(1), DepartmentId: department), ct);
        Assert.Equal((1, 0), (mine.Sum(h => h.Escalated), mine.Sum(h => h.Arrived)));
    }
}

public sealed class SqliteContactEventProducerTests() : ContactEventProducerTests(DatabaseProvider.Sqlite);

public sealed class PostgresContactEventProducerTests() : ContactEventProducerTests(DatabaseProvider.Postgres);
