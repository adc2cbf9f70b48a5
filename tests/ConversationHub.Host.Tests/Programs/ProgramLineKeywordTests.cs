using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Host.Tests.Line;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// A program's LINE keyword over the real webhook: while the program is in service it makes the conversation the
/// program's (its arrival's contact event too) and the bot greets as the program; after the end of service the keyword
/// answers with the end message and where to go instead, and the conversation stays the city's.
/// </summary>
public sealed class ProgramLineKeywordTests(SqliteLineHostFixture fixture) : IClassFixture<SqliteLineHostFixture>
{
    [Fact]
    public async Task Keyword_InServiceOrEnded_EntersProgramOrSaysItEnded()
    {
        // Arrange: keywords typed in full width by the citizen, set in half width by the administrator.
        var ct = TestTimeout.Token(120);
        var open = await ProgramSeed.AddAsync(fixture.Host, "line-open", -1, 30, ct, p => p.LineKeyword = "coupon2027");
        await ProgramSeed.AddAsync(fixture.Host, "line-ended", -30, -1, ct, p => p.LineKeyword = "event2026");
        var (joiner, late) = (LineWebhookClient.NewUserId(), LineWebhookClient.NewUserId());
        var (joinerToken, lateToken) = ("rt-" + Guid.NewGuid().ToString("N"), "rt-" + Guid.NewGuid().ToString("N"));

        // Act
        await fixture.Webhook.PostAsync(ct, LineWebhookClient.Text(joiner, "ｃｏｕｐｏｎ２０２７", joinerToken));
        await fixture.Webhook.PostAsync(ct, LineWebhookClient.Text(late, "EVENT2026", lateToken));
        var greeting = await Eventually.UntilAsync(() => SentTexts(joiner, joinerToken).FirstOrDefault(t => t.Contains("「テスト施策 line-open」", StringComparison.Ordinal)), "the program's greeting", ct);
        var ended = await Eventually.UntilAsync(() => SentTexts(late, lateToken).FirstOrDefault(t => t.Contains("line-ended の受付は終了しました。", StringComparison.Ordinal)), "the end message", ct);

        // Assert
        Assert.Contains("お問い合わせは市民課", ended, StringComparison.Ordinal);
        Assert.NotEmpty(greeting);
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
        var joined = (await store.FindOpenAsync(ConversationChannel.Line, joiner, ct))!;
        var stayed = (await store.FindOpenAsync(ConversationChannel.Line, late, ct))!;
        Assert.Equal(open.Id, joined.ProgramId);
        Assert.Null(stayed.ProgramId);
        var arrived = await scope.ServiceProvider.GetRequiredService<HubDbContext>().ContactEvents.AsNoTracking()
            .SingleAsync(e => e.ConversationId == joined.Id && e.Kind == ContactEventKind.Arrived, ct);
        Assert.Equal(open.Id, arrived.ProgramId);
    }

    private IEnumerable<string> SentTexts(string user, string token) =>
        fixture.Stub.Replies(token).Concat(fixture.Stub.Pushes(user)).Where(c => c.Status == 200)
            .SelectMany(c => c.Json.GetProperty("messages").EnumerateArray()).Select(m => m.GetProperty("text").GetString()!);
}
