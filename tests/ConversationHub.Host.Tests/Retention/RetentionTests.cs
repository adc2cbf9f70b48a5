using ConversationHub.Core.Audit;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Retention;
using ConversationHub.Handoff.Cases;
using ConversationHub.Host.Admin;
using ConversationHub.Handoff.Mail;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using ConversationHub.VoiceBridge.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConversationHub.Host.Tests.Retention;

/// <summary>
/// Retention (issue 18) with an injected clock: of old and new rows of each kind, exactly the expired ones are deleted
/// or anonymised, each kind's run is recorded with its count, and a second run the same day does nothing more.
/// </summary>
public abstract class RetentionTests(DatabaseProvider provider)
{
    private static readonly DateTimeOffset Today = new(2030, 1, 10, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateTime Expired = Today.UtcDateTime.AddDays(-400);
    private static readonly DateTime Recent = Today.UtcDateTime.AddDays(-10);

    // Today in Japan (2030-01-10 12:00 JST) began at 0:00 JST, 15:00 UTC the day before.
    private static readonly DateTime JapanDayStart = new(2030, 1, 9, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task RunAsync_OldAndNewRowsOfEachKind_ExpiresOnlyTheOldOnceADay()
    {
        // Arrange: a host whose clock the test moves and whose daily job does not run by itself; batches of 2.
        var ct = TestTimeout.Token(180);
        var clock = new TestClock(Today.AddYears(-4));
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = HubHost.Start(database, ownsDatabase: false, TestPii.CreateOptions(), new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Retention:Transcripts"] = "365.00:00:00",
            ["Retention:CallRecords"] = "365.00:00:00",
            ["Retention:CasePersonalFields"] = "365.00:00:00",
            ["Retention:Mail"] = "365.00:00:00",
            ["Retention:AuditLog"] = "365.00:00:00",
            ["Retention:BatchSize"] = "2",
        }, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ApplyRetentionService)));
            // The seeded waiting mail must stay waiting: routed, it would expire too (seen once on a loaded machine).
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(InboundMailRouting)));
        });
        var audit = host.Services.GetRequiredService<IAuditLog>();
        await audit.AppendAsync(new AuditRecord(AuditActions.Exported, Target: "test:old-1"), ct);
        await audit.AppendAsync(new AuditRecord(AuditActions.Exported, Target: "test:old-2"), ct);
        clock.Advance(Today - clock.GetUtcNow() - TimeSpan.FromDays(10));
        await audit.AppendAsync(new AuditRecord(AuditActions.Exported, Target: "test:recent"), ct);
        clock.Advance(TimeSpan.FromDays(10));
        var (oldConversation, recentConversation, openConversation) = await SeedConversationsAsync(host, ct);
        var (oldCase, recentCase, openCase) = await SeedCasesAsync(host, ct);
        await SeedMailAndCallsAsync(host, ct);
        long expiredAudit;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var hub = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            expiredAudit = await hub.AuditLog.CountAsync(e => e.AtUtc < Today.UtcDateTime.AddDays(-365), ct);
        }

        var runner = host.Services.GetRequiredService<RetentionRunner>();

        // Act: a dry run first, then the day's run, then the verb again.
        using var dryRun = new StringWriter();
        Assert.Equal(AdminRetentionCommand.Done, await AdminRetentionCommand.RunAsync(host.Services, ["--dry-run"], dryRun, ct));
        var dryRunRuns = await CountRunsAsync(host, ct);
        var first = await runner.RunAsync(ct);
        var again = await runner.RunAsync(ct);
        using var verbAgain = new StringWriter();
        Assert.Equal(AdminRetentionCommand.Done, await AdminRetentionCommand.RunAsync(host.Services, [], verbAgain, ct));
        clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await runner.RunAsync(ct);

        // Assert: the counts of each kind, recorded on the run's row and in the audit log.
        var expected = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [RetentionKinds.Transcripts] = 4,
            [RetentionKinds.CasePersonalFields] = 3,
            [RetentionKinds.Mail] = 2,
            [RetentionKinds.CallRecords] = 3,
            [RetentionKinds.AuditLog] = expiredAudit,
        };
        Assert.True(expiredAudit >= 2);
        Assert.Equal(expected.OrderBy(e => e.Key), first.ToDictionary(o => o.Kind, o => o.RowsAffected).OrderBy(e => e.Key));
        Assert.All(first, o => Assert.Equal(Today.UtcDateTime.AddDays(-365), o.CutoffUtc));
        Assert.Empty(again);

        // The dry run counted exactly what the run then did, and changed nothing (the run still found it all).
        Assert.Equal(0, dryRunRuns);
        foreach (var (kind, rows) in expected)
        {
            Assert.Contains(dryRun.ToString().Split('\n'), line => line.StartsWith(kind + " ", StringComparison.Ordinal) && line.Contains($": {rows} rows would go", StringComparison.Ordinal));
        }

        Assert.All(expected.Keys, kind => Assert.Contains(verbAgain.ToString().Split('\n'), line => line.StartsWith(kind + " ", StringComparison.Ordinal) && line.Contains("not run now (today's run started", StringComparison.Ordinal)));
        Assert.Equal(5, tomorrow.Count);
        Assert.All(tomorrow, o => Assert.Equal(0, o.RowsAffected));

        await using var check = host.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<HubDbContext>();
        var runs = await db.RetentionRuns.AsNoTracking().Where(r => r.DayStartUtc == JapanDayStart).ToListAsync(ct);
        Assert.Equal(expected.OrderBy(e => e.Key), runs.ToDictionary(r => r.Kind, r => r.RowsAffected).OrderBy(e => e.Key));
        Assert.All(runs, r => Assert.NotNull(r.FinishedAtUtc));
        Assert.Equal(10, await db.RetentionRuns.CountAsync(ct));
        var applied = await db.AuditLog.AsNoTracking().Where(e => e.Action == AuditActions.RetentionApplied).ToListAsync(ct);
        Assert.Equal(10, applied.Count);
        Assert.Contains(applied, e => e.Target == "retention:transcripts" && e.Detail!.EndsWith(", 4 rows", StringComparison.Ordinal));

        // Transcripts: only the old ended conversation's activities and file went; every conversation row stays.
        Assert.Equal(0, await db.Activities.CountAsync(a => a.ConversationId == oldConversation, ct));
        Assert.Equal(0, await db.Files.CountAsync(f => f.ConversationId == oldConversation, ct));
        Assert.Equal(2, await db.Activities.CountAsync(a => a.ConversationId == recentConversation, ct));
        Assert.Equal(1, await db.Files.CountAsync(f => f.ConversationId == recentConversation, ct));
        Assert.Equal(1, await db.Activities.CountAsync(a => a.ConversationId == openConversation, ct));
        Assert.Equal(3, await db.Conversations.CountAsync(c => c.Id == oldConversation || c.Id == recentConversation || c.Id == openConversation, ct));

        // Audit log: nothing older than a year is left; the recent entry is, and the chain from the oldest kept entry holds.
        Assert.Equal(0, await db.AuditLog.CountAsync(e => e.AtUtc < Today.UtcDateTime.AddDays(-365), ct));
        Assert.Single(await db.AuditLog.Where(e => e.Target == "test:recent").ToListAsync(ct));
        Assert.True((await AuditChain.VerifyAsync(db, ct)).Intact);

        // Cases: the old completed case lost its personal fields but is still there; the others are untouched.
        var handoff = check.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var cases = await handoff.Cases.AsNoTracking().Where(c => c.Id == oldCase || c.Id == recentCase || c.Id == openCase).ToDictionaryAsync(c => c.Id, ct);
        Assert.Equal(CaseStatus.Completed, cases[oldCase].Status);
        Assert.Null(cases[oldCase].ContactName);
        Assert.Null(cases[oldCase].ContactPhone);
        Assert.Null(cases[oldCase].PhoneHash);
        Assert.Null(cases[oldCase].Description);
        Assert.Equal("山田太郎", cases[recentCase].ContactName);
        Assert.Equal("山田太郎", cases[openCase].ContactName);
        Assert.Equal([null], await handoff.CaseEntries.Where(e => e.CaseId == oldCase).Select(e => e.Text).ToListAsync(ct));
        Assert.Equal(["折り返し希望"], await handoff.CaseEntries.Where(e => e.CaseId == recentCase).Select(e => e.Text).ToListAsync(ct));
        Assert.All(await handoff.CaseHistory.Where(h => h.CaseId == oldCase).ToListAsync(ct), h => Assert.True(h.Before is null && h.After is null));

        // Mail: only the old finished mail went.
        Assert.Equal(["old-waiting"], await handoff.MailInbox.Where(m => m.Source == "old-routed" || m.Source == "old-waiting").Select(m => m.Source).ToListAsync(ct));
        Assert.Equal(["recent@example.jp"], await handoff.MailOutbox.Select(m => m.To).ToListAsync(ct));

        // Calls: only the old ended call went.
        var voice = check.ServiceProvider.GetRequiredService<VoiceDbContext>();
        Assert.Equal(["call-ongoing", "call-recent"], await voice.Calls.OrderBy(c => c.CallConnectionId).Select(c => c.CallConnectionId).ToListAsync(ct));

        // The event ledger: the old rows went, handled or not (an unhandled one still held the caller, encrypted).
        Assert.Equal(["evt-recent"], await voice.ProcessedEvents.Select(e => e.EventId).ToListAsync(ct));
    }

    [Fact]
    public async Task ApplyRetentionService_HostStarted_RunsEveryModulesKindForToday()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var clock = new TestClock(Today);

        // Act: the daily job runs by itself once the database is ready.
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = HubHost.Start(database, ownsDatabase: false, TestPii.CreateOptions(), services: services => services.AddSingleton<TimeProvider>(clock));
        var runs = await Eventually.UntilAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var found = await scope.ServiceProvider.GetRequiredService<HubDbContext>().RetentionRuns.AsNoTracking().Where(r => r.FinishedAtUtc != null).ToListAsync(ct);
            return found.Count == 5 ? found : null;
        }, "the five retention runs of today", ct);

        // Assert: one run per kind (core's, handoff's, voice-bridge's) for the clock's day.
        Assert.Equal(
            new[] { RetentionKinds.AuditLog, RetentionKinds.CallRecords, RetentionKinds.CasePersonalFields, RetentionKinds.Mail, RetentionKinds.Transcripts },
            runs.Select(r => r.Kind).Order(StringComparer.Ordinal));
        Assert.All(runs, r => Assert.Equal(JapanDayStart, r.DayStartUtc));
    }

    private static async Task<int> CountRunsAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HubDbContext>().RetentionRuns.CountAsync(ct);
    }

    private static async Task<(Guid Old, Guid Recent, Guid Open)> SeedConversationsAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
        async Task<Guid> StartAsync(string key, int activities, DateTime? endedAtUtc)
        {
            var conversation = await store.StartAsync(ConversationChannel.WebChat, key, ct);
            for (var i = 0; i < activities; i++)
            {
                await store.AppendAsync(new TranscriptActivity(conversation.Id, ActivityDirection.Inbound, "message", "user", $"{{\"type\":\"message\",\"text\":\"住所は{i}\"}}", Expired), ct);
            }

            if (endedAtUtc is { } ended)
            {
                await store.SaveFileAsync(new ConversationFile(conversation.Id, "image/png", [1, 2, 3], ended), ct);
                conversation.Close("idle", ended);
                await store.SaveAsync(conversation, ct);
            }

            return conversation.Id;
        }

        return (await StartAsync("dl-old", 3, Expired), await StartAsync("dl-recent", 2, Recent), await StartAsync("dl-open", 1, null));
    }

    private static async Task<(Guid Old, Guid Recent, Guid Open)> SeedCasesAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        CaseRecord Case(int sequence, CaseStatus status, DateTime? completedAtUtc)
        {
            var record = new CaseRecord(2020, 9000 + sequence, CaseChannel.Voice, null, Expired)
            {
                Status = status,
                CompletedAtUtc = completedAtUtc,
                ContactName = "山田太郎",
                ContactPhone = "090-1234-5678",
                PhoneHash = "hash",
                Description = "住民票の写しについて",
            };
            db.Cases.Add(record);
            return record;
        }

        var old = Case(1, CaseStatus.Completed, Expired);
        var recent = Case(2, CaseStatus.Completed, Recent);
        var open = Case(3, CaseStatus.InProgress, null);
        db.CaseEntries.AddRange(new CaseEntry(old.Id, CaseEntryKind.Note, null, "折り返し希望", Expired), new CaseEntry(recent.Id, CaseEntryKind.Note, null, "折り返し希望", Recent));
        db.CaseHistory.Add(new CaseHistoryEntry(old.Id, null, "edited", "ContactPhone", "090-0000-0000", "090-1234-5678", Expired));
        await db.SaveChangesAsync(ct);
        return (old.Id, recent.Id, open.Id);
    }

    private static async Task SeedMailAndCallsAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var routed = new InboundMail("old-routed", null, "From: a@example.jp\r\n\r\nbody"u8.ToArray(), Expired);
        db.MailInbox.AddRange(routed, new InboundMail("old-waiting", null, "From: b@example.jp\r\n\r\nbody"u8.ToArray(), Expired));
        var oldSent = new OutboundMail(new MailDraft("old@example.jp", "件名", "本文", null, "m-old", null, [], null), "m-old@example.jp", Expired);
        var recentSent = new OutboundMail(new MailDraft("recent@example.jp", "件名", "本文", null, "m-recent", null, [], null), "m-recent@example.jp", Recent);
        db.MailOutbox.AddRange(oldSent, recentSent);
        await db.SaveChangesAsync(ct);
        await db.MailInbox.Where(m => m.Id == routed.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, InboundMailState.Routed), ct);
        await db.MailOutbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboundMailState.Sent), ct);

        var voice = scope.ServiceProvider.GetRequiredService<VoiceDbContext>();
        VoiceCall Call(string id, DateTime? endedAtUtc) => new()
        {
            CallConnectionId = id,
            ConversationId = Guid.NewGuid(),
            CallerEncrypted = "encrypted",
            LineNumber = "0120000000",
            Language = "ja",
            FlowState = "ended",
            StartedAtUtc = Expired,
            EndedAtUtc = endedAtUtc,
        };
        voice.Calls.AddRange(Call("call-old", Expired), Call("call-recent", Recent), Call("call-ongoing", null));
        voice.ProcessedEvents.AddRange(
            new ProcessedVoiceEvent { Source = "eventgrid", EventId = "evt-old-unhandled", ReceivedAtUtc = Expired, Payload = "encrypted" },
            new ProcessedVoiceEvent { Source = "callback", EventId = "evt-old-handled", ReceivedAtUtc = Expired, HandledAtUtc = Expired },
            // Handled an hour ago: the recovery service forgets handled events after a week by itself.
            new ProcessedVoiceEvent { Source = "callback", EventId = "evt-recent", ReceivedAtUtc = Today.UtcDateTime.AddHours(-1), HandledAtUtc = Today.UtcDateTime.AddHours(-1) });
        await voice.SaveChangesAsync(ct);
    }
}

public sealed class SqliteRetentionTests() : RetentionTests(DatabaseProvider.Sqlite);

public sealed class PostgresRetentionTests() : RetentionTests(DatabaseProvider.Postgres);
