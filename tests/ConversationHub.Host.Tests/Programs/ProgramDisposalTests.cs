using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Text;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Rollup;
using ConversationHub.Core.ContactEvents.Services;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq.KnowledgeBase.Proposals;
using ConversationHub.Faq.Persistence;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Chats;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs;
using ConversationHub.Host.Admin;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using ConversationHub.VoiceBridge.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// A program's data disposal (廃棄, issue 19) through the administrators' page: every personal value the program held
/// (its conversation's transcript and citizen id, its case's contact fields, the agent's note, the call record, the
/// citizen's words in an FAQ proposal) is gone from the database's storage, clear text and ciphertext alike (the SQLite
/// file and its log, or a pg_dump), while another conversation's data stays, the reports still count the program's
/// contacts, and the evidence CSV says what went.
/// </summary>
public abstract class ProgramDisposalTests(DatabaseProvider provider)
{
    private const string Name = "波多野ミチル";
    private const string Phone = "080-7777-1234";
    private const string Address = "若葉台北町9-8-7";
    private const string Kept = "施策外の会話に残る文";

    [Fact]
    public async Task Dispose_ByAnAdministrator_LeavesNoClearTextOrCiphertextAndKeepsTheCounts()
    {
        // Arrange: a program whose service ended yesterday, with one conversation, case, note, call and proposal.
        var ct = TestTimeout.Token(240);
        await using var host = await HubHost.StartAsync(provider, cancellationToken: ct);
        var today = DateOnly.FromDateTime(JapanTime.ToJapan(DateTimeOffset.UtcNow).DateTime);
        var seeded = await SeedAsync(host, today, ct);
        var before = await CiphertextsAsync(host, seeded, ct);
        Assert.Equal(11, before.Count);
        using var admin = await host.SignInAsync("admin", ct);
        using var supervisor = await host.SignInAsync("supervisor", ct);
        const string Page = "/console/programs/disposal?program=disposaltest";
        var preview = await admin.GetStringAsync(new Uri(Page, UriKind.Relative), ct);
        using var dryRun = new StringWriter();
        Assert.Equal(ProgramDisposeCommand.Done, await ProgramDisposeCommand.RunAsync(host.Services, ["--program", "disposaltest", "--dry-run"], dryRun, ct));

        // Act: a wrong confirmation first, then the right one, then again.
        using var wrong = await FormPost.SubmitAsync(admin, Page, new Dictionary<string, string> { ["program"] = "disposaltest", ["confirm"] = "disposal" }, ct);
        var afterWrong = await CiphertextsAsync(host, seeded, ct);
        using var done = await FormPost.SubmitAsync(admin, Page, new Dictionary<string, string> { ["program"] = "disposaltest", ["confirm"] = "disposaltest" }, ct);
        var doneBody = await done.Content.ReadAsStringAsync(ct);
        using var again = new StringWriter();
        Assert.Equal(ProgramDisposeCommand.Done, await ProgramDisposeCommand.RunAsync(host.Services, ["--program", "disposaltest", "--confirm", "disposaltest"], again, ct));
        var evidence = await admin.GetStringAsync(new Uri(Page + "&handler=evidence", UriKind.Relative), ct);
        var report = await supervisor.GetStringAsync(new Uri($"/console/reports/monthly?month={ContactDay(today):yyyy-MM}&program=disposaltest", UriKind.Relative), ct);
        using var operatorClient = await host.SignInAsync("operator", ct);
        using var denied = await operatorClient.GetAsync(new Uri(Page, UriKind.Relative), ct);

        // Assert: the preview counted what the program held; the wrong code changed nothing.
        Assert.Contains("会話記録", preview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(before, afterWrong);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("廃棄が完了しました", doneBody, StringComparison.Ordinal);
        Assert.Contains("disposed of already; nothing was changed", again.ToString(), StringComparison.Ordinal);
        Assert.Contains("transcripts                1 rows", dryRun.ToString(), StringComparison.Ordinal);
        Assert.Contains("case_personal_fields       1 rows", dryRun.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" class=\"panel-box\" id=\"disposal-form\"", doneBody, StringComparison.Ordinal);
        Assert.True(HubHost.IsRedirectTo(denied, "/account/denied"), denied.StatusCode.ToString());

        // Nothing of the program's personal data is left in the storage, clear or encrypted; the other conversation's is.
        var storage = await StorageTextAsync(host, ct);
        foreach (var clear in new[] { Name, Phone, Address, "michiru.hatano@example.jp", "若葉 太郎", "若葉市東町4-5-6" })
            Assert.DoesNotContain(clear, storage, StringComparison.Ordinal);
        foreach (var (what, cipher) in before.Where(b => b.Key != "kept"))
            Assert.False(storage.Contains(cipher, StringComparison.Ordinal), what + " is still stored");
        Assert.Contains(before["kept"], storage, StringComparison.Ordinal);

        // The rows that carry counts stay; the evidence and the audit log say what happened.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var hub = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            Assert.True(await hub.Conversations.AnyAsync(c => c.Id == seeded.Conversation, ct));
            Assert.Equal(0, await hub.Activities.CountAsync(a => a.ConversationId == seeded.Conversation, ct));
            Assert.Equal(1, await hub.Activities.CountAsync(a => a.ConversationId == seeded.Other, ct));
            Assert.Single(await hub.AuditLog.Where(e => e.Action == "program.disposed" && e.Target == "program:disposaltest").ToListAsync(ct));
            var handoff = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
            var record = await handoff.Cases.AsNoTracking().SingleAsync(c => c.Id == seeded.Case, ct);
            Assert.Equal((CaseStatus.Completed, (string?)null, (string?)null), (record.Status, record.ContactName, record.Address));
            Assert.NotNull((await handoff.Programs.AsNoTracking().SingleAsync(p => p.Code == "disposaltest", ct)).DisposedAtUtc);
        }

        Assert.Contains("transcripts,1,0", evidence, StringComparison.Ordinal);
        Assert.Contains("case_personal_fields,1,0", evidence, StringComparison.Ordinal);
        Assert.Contains("chat_notes,1,0", evidence, StringComparison.Ordinal);
        Assert.Contains("call_records,1,0", evidence, StringComparison.Ordinal);
        Assert.Contains("conversation_identities,2,0", evidence, StringComparison.Ordinal);
        Assert.Contains("line_webhook_events,1,0", evidence, StringComparison.Ordinal);
        Assert.Contains("faq_proposals,1,0", evidence, StringComparison.Ordinal);
        Assert.Contains("reservations,2,0", evidence, StringComparison.Ordinal);
        Assert.Contains("form_entries,1,0", evidence, StringComparison.Ordinal);
        Assert.Matches("roster,[1-9][0-9]*,0", evidence);
        Assert.Contains(provider == DatabaseProvider.Sqlite ? "VACUUM done" : "pg_dump", evidence, StringComparison.Ordinal);
        // The first message's arrival and two more, and a hand-off, all on the program's contact day.
        Assert.Equal(["3", "0", "1"], Reports.ReportSeed.Rows(report, "days")["合計"][..3]);
    }

    // The day of the program's contacts: a month back, so that every figure of them is in one monthly report.
    private static DateOnly ContactDay(DateOnly today) => today.AddDays(-30);

    private sealed record Seeded(Guid Program, Guid Conversation, Guid Other, Guid Case, Guid Note, string Call, Guid Proposal, Guid Reservation, Guid FormEntry);

    private static async Task<Seeded> SeedAsync(HubHost host, DateOnly today, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var handoff = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var program = new ProgramDefinition("disposaltest", "廃棄テスト施策", today.AddDays(-60), today.AddDays(-1), today.AddDays(30), DateTime.UtcNow);
        handoff.Programs.Add(program);
        await handoff.SaveChangesAsync(ct);

        var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
        var conversation = await store.StartAsync(ConversationChannel.WebChat, "dl-disposal-citizen", program.Id, ct);
        var contactAt = JapanTime.At(ContactDay(today), new TimeOnly(10, 0)).UtcDateTime;
        var text = $"{{\"type\":\"message\",\"text\":\"{Name}です。電話は{Phone}、住所は{Address}\"}}";
        // Answered already: the bot's sweep must not add its answer to the transcript while the test counts it.
        await store.AppendAsync(new TranscriptActivity(conversation.Id, ActivityDirection.Inbound, "message", "user", text, contactAt) { Turn = TurnState.Done }, ct);
        // A LINE citizen of the program, whose processed webhook event (encrypted) holds their words.
        var lineCitizen = "U" + Guid.NewGuid().ToString("N");
        var line = await store.StartAsync(ConversationChannel.Line, lineCitizen, program.Id, ct);
        line.Close("idle", DateTime.UtcNow);
        await store.SaveAsync(line, ct);
        var bot = scope.ServiceProvider.GetRequiredService<ConversationHub.Bot.Persistence.BotDbContext>();
        var userHash = scope.ServiceProvider.GetRequiredService<ConversationHub.Bot.Line.Webhook.LineWebhookInbox>().HashUser(lineCitizen);
        bot.LineInbox.Add(new ConversationHub.Bot.Line.Inbox.LineInboxEvent("disposal-webhook-1", "message", lineCitizen, userHash,
            $"{{\"type\":\"message\",\"message\":{{\"text\":\"{Name}です\"}}}}", DateTime.UtcNow, DateTime.UtcNow) { State = ConversationHub.Bot.Line.Inbox.LineInboxState.Done });
        await bot.SaveChangesAsync(ct);
        var other = await store.StartAsync(ConversationChannel.WebChat, "dl-other-citizen", ct);
        await store.AppendAsync(new TranscriptActivity(other.Id, ActivityDirection.Inbound, "message", "user", $"{{\"type\":\"message\",\"text\":\"{Kept}\"}}", DateTime.UtcNow) { Turn = TurnState.Done }, ct);

        var record = new CaseRecord(2026, 9901, CaseChannel.WebChat, conversation.Id, DateTime.UtcNow)
        {
            Status = CaseStatus.Completed,
            ProgramId = program.Id,
            ContactName = Name,
            ContactPhone = Phone,
            Address = Address,
            Description = $"{Name}さんからの問い合わせ",
        };
        handoff.Cases.Add(record);
        var note = new ChatNote(conversation.Id, Guid.NewGuid(), ChatNoteKind.Note, $"折り返しは{Phone}", DateTime.UtcNow);
        handoff.Notes.Add(note);
        await handoff.SaveChangesAsync(ct);

        var voice = scope.ServiceProvider.GetRequiredService<VoiceDbContext>();
        voice.Calls.Add(new VoiceCall
        {
            CallConnectionId = "call-disposal",
            ConversationId = conversation.Id,
            CallerEncrypted = "caller-cipher-of-080-7777-1234",
            LineNumber = "0120000000",
            Language = "ja",
            FlowState = "ended",
            StartedAtUtc = DateTime.UtcNow,
            EndedAtUtc = DateTime.UtcNow,
        });
        await voice.SaveChangesAsync(ct);

        // A reservation with its e-mail notice, a form entry taken beside the conversation, and the program's roster.
        var reservation = new ConversationHub.Handoff.Programs.Reservations.Reservation("87650019", program.Id, Guid.NewGuid(), Name, Phone, "phone-hash-disposal",
            new ConversationHub.Core.Programs.ReservationContact(ConversationHub.Core.Programs.ReservationContactChannel.Email, "michiru.hatano@example.jp"),
            new ConversationHub.Core.Programs.ReservationActor("operator", conversation.Id), DateTime.UtcNow);
        handoff.Reservations.Add(reservation);
        handoff.MailOutbox.Add(new ConversationHub.Handoff.Mail.OutboundMail(
            new ConversationHub.Handoff.Mail.MailDraft("michiru.hatano@example.jp", "予約番号 87650019", "ご予約を承りました。", null, "reservation.87650019.n1", null, [], null),
            "<reservation.87650019.n1@example.jp>", DateTime.UtcNow));
        await handoff.SaveChangesAsync(ct);
        var form = await Forms.ProgramFormTestData.FormAsync(host, program, ct);
        var entry = new ConversationHub.Handoff.Programs.Forms.ProgramFormEntry(form, "agent", $"{{\"name\":\"{Name}\",\"address\":\"{Address}\"}}", "dup-hash-disposal",
            conversation.Id, record.Id, null, DateTime.UtcNow, today.AddDays(-2));
        handoff.ProgramFormEntries.Add(entry);
        await handoff.SaveChangesAsync(ct);
        await scope.ServiceProvider.GetRequiredService<ConversationHub.Handoff.Programs.Rosters.ConfigureRosterLayout>().SaveAsync(program, RosterTestData.Layout, RosterTestData.Actor, ct);
        var imported = await RosterTestData.ImportAsync(host, program, RosterTestData.Utf8WithBom(RosterTestData.Roster), ct);

        var faqs = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
        var proposal = new FaqProposal(FaqProposalSource.Chat, "施策の質問", Guid.NewGuid(), DateTime.UtcNow) { ConversationId = conversation.Id, CitizenQuestion = $"{Name}の手続き" };
        faqs.Proposals.Add(proposal);
        await faqs.SaveChangesAsync(ct);

        // Two more arrivals through the program (one a call) and a hand-off: the figures the report must keep.
        var hub = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        await scope.ServiceProvider.GetRequiredService<IContactEventRecorder>().RecordAsync(hub,
        [
            new("disposal:a1", ContactEventKind.Arrived, ContactChannel.WebChat, contactAt) { ProgramId = program.Id },
            new("disposal:a2", ContactEventKind.Arrived, ContactChannel.Voice, contactAt) { ProgramId = program.Id },
            new("disposal:h1", ContactEventKind.HandedOff, ContactChannel.WebChat, contactAt) { ProgramId = program.Id },
        ], ct);
        await scope.ServiceProvider.GetRequiredService<ContactRollupPass>().RunAsync(1000, ct);
        return new Seeded(program.Id, conversation.Id, other.Id, record.Id, note.Id, "call-disposal", proposal.Id, reservation.Id, entry.Id);
    }

    // The stored (encrypted) values, read past EF's converters: what must be gone from the storage afterwards.
    private static async Task<Dictionary<string, string>> CiphertextsAsync(HubHost host, Seeded seeded, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var hub = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var connection = hub.Database.GetDbConnection();
        await hub.Database.OpenConnectionAsync(ct);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task ReadAsync(string key, string sql, object id)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = id;
            command.Parameters.Add(parameter);
            if (await command.ExecuteScalarAsync(ct) is string value && value.Length > 0)
                result[key] = value;
        }

        await ReadAsync("transcript", "SELECT \"ActivityJson\" FROM conversation_activities WHERE \"ConversationId\" = @id", seeded.Conversation);
        await ReadAsync("kept", "SELECT \"ActivityJson\" FROM conversation_activities WHERE \"ConversationId\" = @id", seeded.Other);
        await ReadAsync("citizen", "SELECT \"CitizenKey\" FROM conversations WHERE \"Id\" = @id", seeded.Conversation);
        await ReadAsync("line", "SELECT \"EventJson\" FROM line_webhook_events WHERE \"WebhookEventId\" = @id", "disposal-webhook-1");
        await ReadAsync("case", "SELECT \"ContactName\" FROM handoff_cases WHERE \"Id\" = @id", seeded.Case);
        await ReadAsync("note", "SELECT \"Text\" FROM handoff_notes WHERE \"Id\" = @id", seeded.Note);
        await ReadAsync("reservation", "SELECT \"Phone\" FROM program_reservations WHERE \"Id\" = @id", seeded.Reservation);
        await ReadAsync("notice", "SELECT \"To\" FROM mail_outbox WHERE \"MessageId\" = @id", "<reservation.87650019.n1@example.jp>");
        await ReadAsync("form", "SELECT \"ValuesJson\" FROM program_form_entries WHERE \"Id\" = @id", seeded.FormEntry);
        await ReadAsync("roster", "SELECT MIN(\"Address\") FROM program_roster_households WHERE \"ProgramId\" = @id", seeded.Program);
        await ReadAsync("proposal", "SELECT \"CitizenQuestion\" FROM faq_proposals WHERE \"Id\" = @id", seeded.Proposal);
        return result;
    }

    // Everything the database keeps on disk (SQLite: the file and its log) or would hand to a backup (PostgreSQL: a dump).
    private static async Task<string> StorageTextAsync(HubHost host, CancellationToken ct)
    {
        if (host.Database.Provider == DatabaseProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(host.Database.ConnectionString).DataSource;
            var text = new StringBuilder();
            foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory, ct);
                text.Append(Encoding.UTF8.GetString(memory.ToArray()));
            }

            return text.ToString();
        }

        var builder = new NpgsqlConnectionStringBuilder(host.Database.ConnectionString);
        var dump = new ProcessStartInfo("pg_dump")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--host", builder.Host!, "--port", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", builder.Username!, "--no-password", builder.Database! },
        };
        using var process = Process.Start(dump)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, "pg_dump failed: " + await error);
        var result = await output;
        Assert.Contains("COPY public.conversation_activities", result, StringComparison.Ordinal);
        return result;
    }
}

public sealed class SqliteProgramDisposalTests() : ProgramDisposalTests(DatabaseProvider.Sqlite);

public sealed class PostgresProgramDisposalTests() : ProgramDisposalTests(DatabaseProvider.Postgres);
