using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Host.Tests.Voice;
using ConversationHub.Testing;
using ConversationHub.VoiceBridge.Persistence;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Cases;

/// <summary>One platform per provider with the stand-in ACS, whose outbound calls ring for a short while before nobody answers.</summary>
public abstract class CallbackHostFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public HubHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await HubHost.StartAsync(provider, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Voice:Simulator:OutboundRingTimeout"] = "00:00:04",
        });
        await CaseTestSupport.CreateAccountAsync(Host, "callback-approver", null, HubRoles.Approver);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class SqliteCallbackHostFixture() : CallbackHostFixture(DatabaseProvider.Sqlite);

public sealed class PostgresCallbackHostFixture() : CallbackHostFixture(DatabaseProvider.Postgres);

/// <summary>
/// Callbacks (架電, issue 16) over real HTTP with the stand-in ACS: a callback that connects (CreateCall and the transfer
/// valid against Azure's REST specification, the agent's phone as the target, the history), no answer and busy (flag
/// cleared, re-dial reserved and listed), two agents pressing at once (one dials), a case without a phone number, the
/// rights, the reservation by hand, and a stale 発信中 flag that expires.
/// </summary>
public abstract class CaseCallbackTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : CallbackHostFixture
{
    private HubHost Host => fixture.Host;

    private SimulatedPhone Phone => Host.Services.GetRequiredService<SimulatedPhone>();

    private AcsStandIn Acs => Host.Services.GetRequiredService<AcsStandIn>();

    [Fact]
    public async Task Dial_CitizenAnswers_GreetsAndPutsThroughToTheAgent()
    {
        // Arrange
        var ct = TestTimeout.Token(90);
        using var op = await Host.SignInAsync("operator", ct);
        var (domestic, e164) = NewNumber();
        var created = await op.CreateCaseAsync(new { subject = "折り返し希望", contactName = "架電 花子", contactPhone = domestic }, ct);
        var id = created.GetProperty("id").GetGuid();
        Assert.True(created.GetProperty("callback").GetProperty("canDial").GetBoolean());

        // Act
        var dialing = await op.PostJsonAsync($"/api/cases/{id}/callback", new { }, HttpStatusCode.OK, ct);
        var call = await RingingAsync(e164, ct);
        Assert.True(Phone.Answer(call));
        var view = await UntilActionAsync(op, id, "callback_connected", ct);

        // Assert: 発信中 while it rang, cleared once put through; the history shows both.
        Assert.True(dialing.GetProperty("callback").GetProperty("dialing").GetBoolean());
        Assert.Equal("コールセンター 太郎", dialing.GetProperty("callback").GetProperty("dialingBy").GetString());
        var callback = view.GetProperty("callback");
        Assert.False(callback.GetProperty("dialing").GetBoolean());
        Assert.True(HasAction(view, "callback_dialing"));
        Assert.Contains(view.GetProperty("history").EnumerateArray(), h => h.GetProperty("actionLabel").GetString() == "架電（担当者に接続）");

        // The citizen heard who calls, then was transferred to the operator's own phone.
        Assert.Contains(call.Heard, p => p.Content.Contains("からのお電話です", StringComparison.Ordinal));
        var operations = Acs.Operations.Where(o => o.CallConnectionId == call.CallConnectionId).ToList();
        var create = Assert.Single(operations, o => o.Name == "create");
        Assert.Empty(AcsOpenApiSchemas.ValidateCallAutomation("CreateCallRequest", Encoding.UTF8.GetBytes(create.Body)));
        using (var body = JsonDocument.Parse(create.Body))
        {
            Assert.Equal(e164, body.RootElement.GetProperty("targets")[0].GetProperty("phoneNumber").GetProperty("value").GetString());
            Assert.Equal("+81501234567", body.RootElement.GetProperty("sourceCallerIdNumber").GetProperty("value").GetString());
        }

        var transfer = Assert.Single(operations, o => o.Name == "transferToParticipant");
        Assert.Empty(AcsOpenApiSchemas.ValidateCallAutomation("TransferToParticipantRequest", Encoding.UTF8.GetBytes(transfer.Body)));
        Assert.Contains("8:acs:wakabadai-demo_operator", transfer.Body, StringComparison.Ordinal);

        // The citizen's number is encrypted at rest and never logged.
        await using var scope = Host.Services.CreateAsyncScope();
        var voice = scope.ServiceProvider.GetRequiredService<VoiceDbContext>();
        var stored = await voice.Callbacks.AsNoTracking().SingleAsync(c => c.CaseId == id, ct);
        Assert.Equal(OutboundCallbackState.Ended, stored.State);
        Assert.DoesNotContain(e164[3..], stored.CitizenEncrypted, StringComparison.Ordinal);
        Assert.DoesNotContain(Host.Logs, line => line.Contains(e164[3..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dial_NobodyAnswers_ClearsTheFlagAndReservesARedialListedForTheTeam()
    {
        // Arrange
        var ct = TestTimeout.Token(90);
        using var op = await Host.SignInAsync("operator", ct);
        using var supervisor = await Host.SignInAsync("supervisor", ct);
        var (domestic, e164) = NewNumber();
        var id = (await op.CreateCaseAsync(new { subject = "不在の方", contactPhone = domestic }, ct)).GetProperty("id").GetGuid();

        // Act: it rings until the stand-in's ring timeout.
        await op.PostJsonAsync($"/api/cases/{id}/callback", new { }, HttpStatusCode.OK, ct);
        await RingingAsync(e164, ct);
        var view = await UntilActionAsync(op, id, "callback_no_answer", ct);

        // Assert
        var callback = view.GetProperty("callback");
        Assert.False(callback.GetProperty("dialing").GetBoolean());
        Assert.True(callback.GetProperty("canDial").GetBoolean());
        Assert.Equal("コールセンター 太郎", callback.GetProperty("redialBy").GetString());
        Assert.True(callback.GetProperty("redialDueUtc").GetDateTime() > DateTime.UtcNow);
        Assert.True(HasAction(view, "redial_reserved"));

        var redials = await supervisor.GetJsonAsync("/api/cases/redials", HttpStatusCode.OK, ct);
        Assert.Contains(redials.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id && !r.GetProperty("overdue").GetBoolean());
        var page = await supervisor.GetStringAsync(new Uri("/console/cases/redials", UriKind.Relative), ct);
        Assert.Contains(view.GetProperty("number").GetString()!, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dial_LineBusy_RecordsBusyAndReservesARedial()
    {
        var ct = TestTimeout.Token(60);
        using var op = await Host.SignInAsync("operator", ct);
        var (domestic, e164) = NewNumber();
        var id = (await op.CreateCaseAsync(new { contactPhone = domestic }, ct)).GetProperty("id").GetGuid();

        await op.PostJsonAsync($"/api/cases/{id}/callback", new { }, HttpStatusCode.OK, ct);
        Assert.True(Phone.Decline(await RingingAsync(e164, ct), busy: true));
        var view = await UntilActionAsync(op, id, "callback_busy", ct);

        Assert.False(view.GetProperty("callback").GetProperty("dialing").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, view.GetProperty("callback").GetProperty("redialDueUtc").ValueKind);
    }

    [Fact]
    public async Task Dial_TwoAgentsAtOnce_ExactlyOneDials()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        using var op = await Host.SignInAsync("operator", ct);
        using var supervisor = await Host.SignInAsync("supervisor", ct);
        var (domestic, e164) = NewNumber();
        var id = (await op.CreateCaseAsync(new { contactPhone = domestic }, ct)).GetProperty("id").GetGuid();

        // Act
        var responses = await Task.WhenAll(
            op.PostAsync(new Uri($"/api/cases/{id}/callback", UriKind.Relative), null, ct),
            supervisor.PostAsync(new Uri($"/api/cases/{id}/callback", UriKind.Relative), null, ct));

        // Assert
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("ほかの人が発信中です", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var call = await RingingAsync(e164, ct);
        Assert.Single(Acs.Operations, o => o.Name == "create" && o.Body.Contains(e164[1..], StringComparison.Ordinal));
        var view = await op.GetJsonAsync($"/api/cases/{id}", HttpStatusCode.OK, ct);
        Assert.False(view.GetProperty("callback").GetProperty("canDial").GetBoolean());
        Assert.Contains("発信中です", view.GetProperty("callback").GetProperty("dialBlocked").GetString(), StringComparison.Ordinal);
        Assert.Single(view.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == "callback_dialing");

        // Clean up: the line is busy, so the flag goes.
        Phone.Decline(call, busy: true);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Dial_CaseWithoutPhone_IsRefusedWithTheReason()
    {
        var ct = TestTimeout.Token();
        using var op = await Host.SignInAsync("operator", ct);
        var created = await op.CreateCaseAsync(new { subject = "メールのみ", contactEmail = "mail.only@example.jp" }, ct);
        var id = created.GetProperty("id").GetGuid();
        Assert.False(created.GetProperty("callback").GetProperty("canDial").GetBoolean());
        Assert.Contains("電話番号が登録されていない", created.GetProperty("callback").GetProperty("dialBlocked").GetString(), StringComparison.Ordinal);

        var problem = await op.PostJsonAsync($"/api/cases/{id}/callback", new { }, HttpStatusCode.BadRequest, ct);

        Assert.Contains("電話番号が登録されていない", CaseTestSupport.ErrorOf(problem, "contactPhone"), StringComparison.Ordinal);
        var view = await op.GetJsonAsync($"/api/cases/{id}", HttpStatusCode.OK, ct);
        Assert.False(HasAction(view, "callback_dialing"));
    }

    [Fact]
    public async Task Callbacks_OutsideTheCenterStaff_AreForbidden()
    {
        // Arrange: a case escalated to the citizens' division, which its staff can see and work.
        var ct = TestTimeout.Token();
        using var op = await Host.SignInAsync("operator", ct);
        using var departmentStaff = await Host.SignInAsync("dept-staff", ct);
        using var approver = await Host.SignInAsync("callback-approver", ct);
        var (domestic, _) = NewNumber();
        var id = (await op.CreateCaseAsync(new { contactPhone = domestic }, ct)).GetProperty("id").GetGuid();
        var department = await CaseTestSupport.DepartmentAsync(Host, CaseTestSupport.CitizensDivision);
        await op.PostJsonAsync($"/api/cases/{id}/escalate", new { departmentId = department, reasons = new[] { "personal_data" }, message = "確認願います" }, HttpStatusCode.OK, ct);

        // Act + Assert
        var seen = await departmentStaff.GetJsonAsync($"/api/cases/{id}", HttpStatusCode.OK, ct);
        Assert.False(seen.GetProperty("callback").GetProperty("shown").GetBoolean());
        foreach (var client in new[] { departmentStaff, approver })
        {
            using var dial = await client.PostAsync(new Uri($"/api/cases/{id}/callback", UriKind.Relative), null, ct);
            Assert.Equal(HttpStatusCode.Forbidden, dial.StatusCode);
            await client.PutJsonAsync($"/api/cases/{id}/redial", new { dueAt = DateTimeOffset.UtcNow.AddHours(1) }, HttpStatusCode.Forbidden, ct);
            using var list = await client.GetAsync(new Uri("/api/cases/redials", UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        }

        using var anonymous = Host.CreateBrowserClient();
        using var page = await anonymous.GetAsync(new Uri("/console/cases/redials", UriKind.Relative), ct);
        Assert.True(HubHost.IsRedirectTo(page, "/account/login"), page.StatusCode.ToString());
        var after = await op.GetJsonAsync($"/api/cases/{id}", HttpStatusCode.OK, ct);
        Assert.False(HasAction(after, "callback_dialing"));
    }

    [Fact]
    public async Task Redial_ReservedByHand_IsListedOverdueFirstAndCanBeCleared()
    {
        var ct = TestTimeout.Token();
        using var op = await Host.SignInAsync("operator", ct);
        var (domestic, _) = NewNumber();
        var later = (await op.CreateCaseAsync(new { contactPhone = domestic }, ct)).GetProperty("id").GetGuid();
        var sooner = (await op.CreateCaseAsync(new { contactPhone = domestic }, ct)).GetProperty("id").GetGuid();

        var invalid = await op.PutJsonAsync($"/api/cases/{later}/redial", new { dueAt = DateTimeOffset.UtcNow.AddDays(-1) }, HttpStatusCode.BadRequest, ct);
        Assert.Contains("1年以内", CaseTestSupport.ErrorOf(invalid, "dueAt"), StringComparison.Ordinal);
        var reserved = await op.PutJsonAsync($"/api/cases/{later}/redial", new { dueAt = DateTimeOffset.UtcNow.AddHours(3), note = "午後なら在宅" }, HttpStatusCode.OK, ct);
        Assert.Equal("午後なら在宅", reserved.GetProperty("callback").GetProperty("redialNote").GetString());
        await op.PutJsonAsync($"/api/cases/{sooner}/redial", new { dueAt = DateTimeOffset.UtcNow.AddMinutes(1) }, HttpStatusCode.OK, ct);

        var ids = (await op.GetJsonAsync("/api/cases/redials", HttpStatusCode.OK, ct)).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.True(ids.IndexOf(sooner) < ids.IndexOf(later), "sorted by due time");

        var cleared = await op.DeleteAsync(new Uri($"/api/cases/{later}/redial", UriKind.Relative), ct);
        var view = await cleared.ReadJsonAsync(HttpStatusCode.OK, ct);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("callback").GetProperty("redialDueUtc").ValueKind);
        Assert.True(HasAction(view, "redial_cleared"));
        ids = (await op.GetJsonAsync("/api/cases/redials", HttpStatusCode.OK, ct)).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.DoesNotContain(later, ids);
    }

    [Fact]
    public async Task Dial_AfterAStaleFlag_TakesOverAndRecordsTheExpiry()
    {
        // Arrange: a flag left by a node that died mid-dial, older than the expiry.
        var ct = TestTimeout.Token(60);
        using var op = await Host.SignInAsync("operator", ct);
        var (domestic, e164) = NewNumber();
        var id = (await op.CreateCaseAsync(new { contactPhone = domestic }, ct)).GetProperty("id").GetGuid();
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var handoff = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
            var stale = DateTime.UtcNow.AddMinutes(-30);
            await handoff.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.DialingAttemptId, Guid.NewGuid()).SetProperty(c => c.DialingSinceUtc, stale), ct);
        }

        // Act
        var view = await op.PostJsonAsync($"/api/cases/{id}/callback", new { }, HttpStatusCode.OK, ct);

        // Assert
        Assert.True(HasAction(view, "callback_expired"));
        Phone.Decline(await RingingAsync(e164, ct), busy: false);
    }

    private async Task<SimulatedCall> RingingAsync(string e164, CancellationToken ct) =>
        await Eventually.UntilAsync(() => Phone.RingingAt(e164) is [var first, ..] ? first : null, "the callback ringing at the citizen", ct);

    // Polls the case until its history shows the action (the outcome arrives through the stand-in's events).
    private static async Task<JsonElement> UntilActionAsync(HttpClient client, Guid id, string action, CancellationToken ct)
    {
        while (true)
        {
            var view = await client.GetJsonAsync($"/api/cases/{id}", HttpStatusCode.OK, ct);
            if (HasAction(view, action))
            {
                return view;
            }

            await Task.Delay(100, ct);
        }
    }

    private static bool HasAction(JsonElement view, string action) =>
        view.GetProperty("history").EnumerateArray().Any(h => h.GetProperty("action").GetString() == action);

    // A mobile number of its own per test, so each test finds its own ringing call.
    private static (string Domestic, string E164) NewNumber()
    {
        var digits = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        return ($"090-{digits[..4]}-{digits[4..]}", "+8190" + digits);
    }
}

public sealed class SqliteCaseCallbackTests(SqliteCallbackHostFixture fixture) : CaseCallbackTests<SqliteCallbackHostFixture>(fixture);

public sealed class PostgresCaseCallbackTests(PostgresCallbackHostFixture fixture) : CaseCallbackTests<PostgresCallbackHostFixture>(fixture);
