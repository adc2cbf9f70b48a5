using System.Net;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Admin;
using ConversationHub.Host.Tests.Cases;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Admin;

/// <summary>The audit log (issue 18): sign-ins and failures recorded with who and from where; the chain detects an edited, replaced or deleted row.</summary>
public abstract class AuditLogTests(DatabaseProvider provider)
{
    [Fact]
    public async Task SignIns_AreAuditedEncryptedAndChained_VerifyFindsEveryKindOfTampering()
    {
        // Arrange: a failed and a successful sign-in, then concurrent appends from many requests at once.
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, cancellationToken: ct);
        using (var browser = host.CreateBrowserClient())
        {
            await FormPost.SubmitAsync(browser, "/account/login", new Dictionary<string, string>(StringComparer.Ordinal) { ["userName"] = "operator", ["password"] = "Wrong-Pass9" }, ct);
        }

        using var staff = await host.SignInAsync("operator", ct);
        var log = host.Services.GetRequiredService<IAuditLog>();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => log.AppendAsync(new AuditRecord(AuditActions.Exported, Target: "test:" + i), ct)));

        // Act
        var (entries, raw) = await ReadAsync(host, ct);
        var intact = await VerifyAsync(host, ct);

        // Assert: who, what and from where, the staff id and address encrypted at rest; the chain holds.
        var failed = Assert.Single(entries, e => e.Action == AuditActions.SignInFailed);
        Assert.Equal("operator", failed.ActorName);
        Assert.Null(failed.ActorId);
        Assert.Equal("127.0.0.1", failed.FromAddress);
        var succeeded = Assert.Single(entries, e => e.Action == AuditActions.SignInSucceeded);
        Assert.NotNull(succeeded.ActorId);
        Assert.True(failed.Sequence < succeeded.Sequence);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.DoesNotContain(raw, r => r.Contains("operator", StringComparison.Ordinal) || r.Contains("127.0.0.1", StringComparison.Ordinal));
        Assert.Equal(AdminAuditCommand.Intact, intact.Code);
        Assert.Contains($"intact: {entries.Count} entries", intact.Output, StringComparison.Ordinal);

        // Tampering: an edited field, then a deleted row; each is named at the right entry.
        await ExecuteAsync(host, $"UPDATE audit_log SET \"Action\" = 'signin.succeeded' WHERE \"Sequence\" = {failed.Sequence}", ct);
        var edited = await VerifyAsync(host, ct);
        Assert.Equal(AdminAuditCommand.Broken, edited.Code);
        Assert.Contains($"broken at entry {failed.Sequence}: its fields do not match its hash", edited.Output, StringComparison.Ordinal);
        await ExecuteAsync(host, $"UPDATE audit_log SET \"Action\" = 'signin.failed' WHERE \"Sequence\" = {failed.Sequence}", ct);
        Assert.Equal(AdminAuditCommand.Intact, (await VerifyAsync(host, ct)).Code);
        await ExecuteAsync(host, "DELETE FROM audit_log WHERE \"Sequence\" = 5", ct);
        var deleted = await VerifyAsync(host, ct);
        Assert.Contains("broken at entry 6: entries 5–5 are missing", deleted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseAndTranscriptViews_AreAudited()
    {
        // Arrange: an operator opens a chat's transcript through the console API (a conversation that does not exist
        // is not audited: nothing was shown).
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(provider, cancellationToken: ct);
        using var staff = await host.SignInAsync("supervisor", ct);

        // Act
        using var missing = await staff.GetAsync(new Uri($"/api/handoff/chats/{Guid.NewGuid()}", UriKind.Relative), ct);
        var (entries, _) = await ReadAsync(host, ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain(entries, e => e.Action == AuditActions.TranscriptViewed);
    }

    [Fact]
    public async Task PhoneLineChangesAndExports_AreAudited_RefusedChangesAreNot()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(provider, cancellationToken: ct);
        using var admin = await host.SignInAsync("admin", ct);
        var line = new
        {
            number = "+81311119999", name = "監査確認", enabled = true, greeting = (string?)null, serviceEndsOn = (string?)null,
            maxQueueLength = 5, maxWaitSeconds = 300, languages = new[] { "ja" }, emergencyForwardTo = (string?)null, version = (int?)null,
        };

        // Act: a line created, an invalid line refused, the FAQ CSV exported.
        await admin.PostJsonAsync("/api/voice/lines", line, HttpStatusCode.Created, ct);
        await admin.PostJsonAsync("/api/voice/lines", line with { }, HttpStatusCode.Conflict, ct);
        using var export = await admin.GetAsync(new Uri("/api/faq/export.csv", UriKind.Relative), ct);
        var (entries, _) = await ReadAsync(host, ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var change = Assert.Single(entries, e => e.Action == AuditActions.SettingChanged);
        Assert.Equal(("voice_line", "POST /api/voice/lines", "admin"), (change.Target, change.Detail, change.ActorName));
        var exported = Assert.Single(entries, e => e.Action == AuditActions.Exported);
        Assert.Equal("faq_csv", exported.Target);
    }

    private static async Task<(List<AuditEntry> Entries, List<string> Raw)> ReadAsync(HubHost host, CancellationToken ct)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var entries = await db.AuditLog.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
        var raw = await db.Database.SqlQueryRaw<string>("SELECT COALESCE(\"ActorName\", '') || '|' || COALESCE(\"FromAddress\", '') AS \"Value\" FROM audit_log").ToListAsync(ct);
        return (entries, raw);
    }

    private static async Task ExecuteAsync(HubHost host, string sql, CancellationToken ct)
    {
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<HubDbContext>().Database.ExecuteSqlRawAsync(sql, ct);
    }

    private static async Task<(int Code, string Output)> VerifyAsync(HubHost host, CancellationToken ct)
    {
        var output = new StringWriter();
        var code = await AdminAuditCommand.VerifyAsync(host.Services, output, ct);
        return (code, output.ToString());
    }
}

public sealed class SqliteAuditLogTests() : AuditLogTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditLogTests() : AuditLogTests(DatabaseProvider.Postgres);
