using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Handoff;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// A program's web chat entry (<c>?program=&lt;code&gt;</c>) over real Direct Line: the conversation carries the program,
/// the bot greets in the program's FAQ field, and the conversation's contact events and its case carry the program too.
/// After the end of service, or for an unknown code, the entry starts an ordinary conversation.
/// </summary>
public abstract class ProgramEntryTests(DatabaseProvider provider)
{
    [Fact]
    public async Task WebChatEntry_InService_TagsConversationContactEventsAndCase()
    {
        // Arrange: a program in service whose FAQ field is one of the demo's.
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        string field;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            field = await scope.ServiceProvider.GetRequiredService<FaqDbContext>().Categories.AsNoTracking()
                .Where(c => c.Kind == FaqCategoryKind.Field).OrderBy(c => c.SortOrder).Select(c => c.Name).FirstAsync(ct);
        }

        var program = await ProgramSeed.AddAsync(host, "entry", -2, 10, ct, p => p.FaqCategory = field);
        using var citizen = new DirectLineTestClient(host.CreateClient());

        // Act: the widget's token request with the program's code, Web Chat's start, a question.
        using (var token = await citizen.Http.PostAsync(new Uri("/v3/directline/tokens/generate?program=entry", UriKind.Relative), null, ct))
        {
            token.EnsureSuccessStatusCode();
            var body = await token.Content.ReadFromJsonAsync<JsonElement>(ct);
            citizen.ConversationId = body.GetProperty("conversationId").GetString()!;
            citizen.Token = body.GetProperty("token").GetString()!;
        }

        await citizen.StartAsync(ct);
        var (greeting, _) = await citizen.PollUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);
        await citizen.SayAsync("手続きについて教えてください", "entry-1", ct);
        var conversationId = Guid.Parse(citizen.ConversationId);
        await Eventually.UntilAsync(async () => await ContactEventsAsync(host, conversationId, ct) is { Count: > 0 } arrived ? arrived : null, "the arrival's contact event", ct);
        string? caseNumber;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
            var conversation = (await store.FindAsync(conversationId, ct))!;
            conversation.RequestHandoff("user_request", DateTime.UtcNow, field);
            await store.SaveAsync(conversation, ct);
            caseNumber = await scope.ServiceProvider.GetRequiredService<ICaseIntake>()
                .CreateFromChatAsync(new ChatCaseRequest(conversationId, "citizen@example.jp", "手続きの書類を教えてください。", null, "entry-case-1"), ct);
        }

        // Assert
        var greetingText = DirectLineTestClient.TextOf(greeting.First(DirectLineTestClient.IsBotMessage));
        Assert.Contains("「テスト施策 entry」", greetingText, StringComparison.Ordinal);
        Assert.Contains("「" + field + "」の分野から探します", greetingText, StringComparison.Ordinal);
        await using var check = host.Services.CreateAsyncScope();
        var hub = check.ServiceProvider.GetRequiredService<HubDbContext>();
        Assert.Equal(program.Id, (await hub.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId, ct)).ProgramId);
        var events = await ContactEventsAsync(host, conversationId, ct);
        Assert.Contains(events, e => e.Kind == ContactEventKind.Arrived);
        Assert.Contains(events, e => e.Kind == ContactEventKind.HandedOff);
        Assert.All(events, e => Assert.Equal(program.Id, e.ProgramId));
        Assert.NotNull(caseNumber);
        var record = await check.ServiceProvider.GetRequiredService<HandoffDbContext>().Cases.AsNoTracking().SingleAsync(c => c.Number == caseNumber, ct);
        Assert.Equal((conversationId, program.Id), (record.ConversationId, record.ProgramId));
    }

    [Fact]
    public async Task WebChatEntry_EndedOrUnknown_StartsAnOrdinaryConversation()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        await ProgramSeed.AddAsync(host, "ended", -30, -1, ct);
        await ProgramSeed.AddAsync(host, "soon", 5, 30, ct);

        // Act
        var ids = new List<Guid>();
        foreach (var code in new[] { "ended", "soon", "no-such-program" })
        {
            using var client = host.CreateClient();
            using var response = await client.PostAsync(new Uri("/v3/directline/tokens/generate?program=" + code, UriKind.Relative), null, ct);
            response.EnsureSuccessStatusCode();
            ids.Add(Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("conversationId").GetString()!));
        }

        // Assert
        await using var scope = host.Services.CreateAsyncScope();
        var programs = await scope.ServiceProvider.GetRequiredService<HubDbContext>().Conversations.AsNoTracking()
            .Where(c => ids.Contains(c.Id)).Select(c => c.ProgramId).ToListAsync(ct);
        Assert.Equal(3, programs.Count);
        Assert.All(programs, Assert.Null);
    }

    private static async Task<List<ContactEvent>> ContactEventsAsync(HubHost host, Guid conversationId, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HubDbContext>().ContactEvents.AsNoTracking().Where(e => e.ConversationId == conversationId).ToListAsync(ct);
    }
}

public sealed class SqliteProgramEntryTests() : ProgramEntryTests(DatabaseProvider.Sqlite);

public sealed class PostgresProgramEntryTests() : ProgramEntryTests(DatabaseProvider.Postgres);
