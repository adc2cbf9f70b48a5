using System.Globalization;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.Handoff;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// Callbacks from a case (架電): the center's staff who may work the case dial the citizen's number through
/// <see cref="ICallbackDialer"/> and are put through when the citizen answers. While an attempt runs the case carries a
/// 発信中 flag, claimed by one conditional update so that of two people pressing at once exactly one dials; the
/// attempt's outcome (<see cref="CaseCallbackOutcomes"/>) clears it. Re-dial reservations (再架電予約: when, who, a note)
/// are kept on the case and listed for the team by due time.
/// </summary>
internal sealed partial class CaseCallbacks(
    HandoffDbContext db,
    HubDbContext hub,
    CaseDesk desk,
    ICallbackDialer dialer,
    IOptionsMonitor<CaseCallbackOptions> options,
    IStringLocalizer<HandoffStrings> strings,
    TimeProvider time,
    ILogger<CaseCallbacks> logger)
{
    public const int MaxNoteLength = 1000;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Whether the flag of <paramref name="record"/> holds at <paramref name="nowUtc"/> (an expired one does not).</summary>
    public bool IsDialing(CaseRecord record, DateTime nowUtc) =>
        record.DialingAttemptId is not null && record.DialingSinceUtc is { } since && nowUtc - since < options.CurrentValue.DialingExpiry;

    /// <summary>Whether <paramref name="actor"/> takes part in callbacks at all: the center's operators and supervisors who may work the case.</summary>
    public static bool MayCall(CaseActor actor, CaseRecord record) =>
        actor.DepartmentId is null && (actor.IsOperator || actor.IsSupervisor) && actor.CanWork(record);

    /// <summary>The actor's own phone (where the call is put through), or null.</summary>
    public Task<string?> AgentPhoneAsync(Guid actorId, CancellationToken cancellationToken) =>
        db.Agents.AsNoTracking().Where(a => a.AgentId == actorId).Select(a => a.PhoneTarget).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Why <paramref name="actor"/> cannot dial now, in Japanese (the key of the field it concerns, if any); null when they can.</summary>
    public (string? Field, string Reason)? Blocked(CaseActor actor, CaseRecord record, string? agentPhone, DateTime nowUtc)
    {
        if (!MayCall(actor, record))
        {
            return (null, strings["CasesUi_Error_Forbidden"]);
        }

        if (record.Status == CaseStatus.Completed)
        {
            return (null, strings["Cases_Callback_Completed"]);
        }

        if (CaseContact.ToE164(record.ContactPhone) is null)
        {
            return ("contactPhone", strings["Cases_Callback_NoPhone"]);
        }

        if (!dialer.IsAvailable)
        {
            return (null, strings["Cases_Callback_PhoneOff"]);
        }

        if (IsDialing(record, nowUtc))
        {
            return (null, strings[record.DialingById == actor.Id ? "Cases_Callback_OwnDialing" : "Cases_Callback_Busy"]);
        }

        return string.IsNullOrEmpty(agentPhone) ? (null, strings["Cases_Callback_NoAgentPhone"]) : null;
    }

    /// <summary>「折り返し電話（架電）」: claims the 発信中 flag and places the call; refused with the reason when it cannot be made.</summary>
    public async Task<CaseOutcome> DialAsync(CaseActor actor, Guid id, CancellationToken cancellationToken)
    {
        var (record, error) = await desk.WorkableAsync(actor, id, cancellationToken);
        if (record is null)
        {
            return error!;
        }

        if (!MayCall(actor, record))
        {
            return CaseOutcome.Fail(CaseError.Forbidden);
        }

        var agentPhone = await AgentPhoneAsync(actor.Id, cancellationToken);
        var now = Now;
        if (Blocked(actor, record, agentPhone, now) is { } blocked)
        {
            return blocked.Field is { } field
                ? CaseOutcome.Invalid(new Dictionary<string, string[]> { [field] = [blocked.Reason] })
                : CaseOutcome.Fail(CaseError.WrongStatus, blocked.Reason);
        }

        var attemptId = Guid.CreateVersion7();
        if (!await ClaimAsync(actor, record, attemptId, now, cancellationToken))
        {
            return CaseOutcome.Fail(CaseError.WrongStatus, strings["Cases_Callback_Busy"]);
        }

        CallbackDialResult result;
        try
        {
            result = await dialer.DialAsync(new CallbackDialRequest(attemptId, id, CaseContact.ToE164(record.ContactPhone)!, agentPhone!), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.DialerFailed(logger, id, exception);
            result = new CallbackDialResult(CallbackDialStatus.Failed, "The dialer failed.");
        }

        if (result.Status != CallbackDialStatus.Dialing)
        {
            // Nothing dials: the flag goes at once, the history keeps the attempt.
            await ReleaseAsync(id, attemptId, actor.Id, result.Status == CallbackDialStatus.PhoneOff ? strings["Cases_Callback_PhoneOff"] : result.Detail, cancellationToken);
            return CaseOutcome.Fail(CaseError.WrongStatus, result.Status == CallbackDialStatus.PhoneOff ? strings["Cases_Callback_PhoneOff"] : strings["Cases_Callback_Failed"]);
        }

        Log.Dialing(logger, id, attemptId);
        await desk.PublishAsync(id, cancellationToken);
        return CaseOutcome.Ok(record);
    }

    /// <summary>Records (or moves) the re-dial reservation: when (<paramref name="dueUtc"/>), who (default: the actor), a note.</summary>
    public async Task<CaseOutcome> ReserveAsync(CaseActor actor, Guid id, DateTime? dueUtc, Guid? byId, string? note, CancellationToken cancellationToken)
    {
        var (record, error) = await desk.WorkableAsync(actor, id, cancellationToken);
        if (record is null)
        {
            return error!;
        }

        if (!MayCall(actor, record))
        {
            return CaseOutcome.Fail(CaseError.Forbidden);
        }

        var now = Now;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (dueUtc is not { } due || due < now.AddMinutes(-5) || due > now.AddYears(1))
        {
            errors["dueAt"] = [strings["Cases_Error_RedialDue"].Value];
        }

        var by = byId ?? actor.Id;
        if (!await hub.Users.AsNoTracking().AnyAsync(u => u.Id == by && u.DepartmentId == null, cancellationToken))
        {
            errors["byId"] = [strings["Cases_Error_UnknownAssignee"].Value];
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            errors["note"] = [strings["Cases_Error_TooLong", MaxNoteLength].Value];
        }

        if (errors.Count > 0)
        {
            return CaseOutcome.Invalid(errors);
        }

        SetReservation(record, actor.Id, dueUtc!.Value, by, note, now);
        return await desk.SaveAsync(record, cancellationToken);
    }

    /// <summary>Removes the re-dial reservation (done, or no longer needed).</summary>
    public async Task<CaseOutcome> ClearReservationAsync(CaseActor actor, Guid id, CancellationToken cancellationToken)
    {
        var (record, error) = await desk.WorkableAsync(actor, id, cancellationToken);
        if (record is null)
        {
            return error!;
        }

        if (!MayCall(actor, record))
        {
            return CaseOutcome.Fail(CaseError.Forbidden);
        }

        if (record.RedialDueUtc is null)
        {
            return CaseOutcome.Ok(record);
        }

        ClearReservation(record, actor.Id, Now);
        return await desk.SaveAsync(record, cancellationToken);
    }

    /// <summary>The team's re-dial list: open cases with a reservation the actor may see, the earliest due first.</summary>
    public async Task<IReadOnlyList<RedialRow>> RedialsAsync(CaseActor actor, CancellationToken cancellationToken)
    {
        var now = Now;
        var rows = await actor.Visible(db.Cases.AsNoTracking())
            .Where(c => c.RedialDueUtc != null && c.Status != CaseStatus.Completed)
            .OrderBy(c => c.RedialDueUtc).ThenBy(c => c.Number)
            .Select(c => new { c.Id, c.Number, c.Status, c.Subject, c.ContactName, c.RedialDueUtc, c.RedialById, c.RedialNote, c.DialingAttemptId, c.DialingSinceUtc })
            .ToListAsync(cancellationToken);
        var names = await StaffNamesAsync(rows.Select(r => r.RedialById), cancellationToken);
        var expiry = options.CurrentValue.DialingExpiry;
        return rows.Select(r => new RedialRow(r.Id, r.Number, r.Status, strings["CaseStatus_" + r.Status], r.Subject, r.ContactName, r.RedialDueUtc!.Value,
            r.RedialById, r.RedialById is { } b ? names.GetValueOrDefault(b) : null, r.RedialNote, r.RedialDueUtc < now,
            r.DialingAttemptId is not null && r.DialingSinceUtc is { } since && now - since < expiry)).ToList();
    }

    /// <summary>What the case page shows and allows of callbacks.</summary>
    public async Task<CaseCallbackView> ViewAsync(CaseActor actor, CaseRecord record, CancellationToken cancellationToken)
    {
        var now = Now;
        var may = MayCall(actor, record);
        var agentPhone = may ? await AgentPhoneAsync(actor.Id, cancellationToken) : null;
        var dialing = IsDialing(record, now);
        var names = await StaffNamesAsync([dialing ? record.DialingById : null, record.RedialById], cancellationToken);
        string? Name(Guid? user) => user is { } u ? names.GetValueOrDefault(u) : null;
        var blocked = may ? Blocked(actor, record, agentPhone, now) : null;
        return new CaseCallbackView(
            may, may && blocked is null, blocked?.Reason, agentPhone,
            dialing, dialing ? record.DialingById : null, dialing ? Name(record.DialingById) : null, dialing ? record.DialingSinceUtc : null,
            record.RedialDueUtc, record.RedialById, Name(record.RedialById), record.RedialNote, record.RedialDueUtc < now);
    }

    internal void SetReservation(CaseRecord record, Guid? actorId, DateTime dueUtc, Guid? by, string? note, DateTime now)
    {
        void Change(string field, string? before, string? after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actorId, "redial_reserved", field, before, after, now));
            }
        }

        Change("redialDue", Jst(record.RedialDueUtc), Jst(dueUtc));
        Change("redialById", record.RedialById?.ToString(), by?.ToString());
        Change("redialNote", record.RedialNote, note);
        record.RedialDueUtc = dueUtc;
        record.RedialById = by;
        record.RedialNote = note;
    }

    internal void ClearReservation(CaseRecord record, Guid? actorId, DateTime now)
    {
        db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actorId, "redial_cleared", "redialDue", Jst(record.RedialDueUtc), null, now));
        record.RedialDueUtc = null;
        record.RedialById = null;
        record.RedialNote = null;
    }

    // Compare-and-set of the flag, with its history line, in one transaction: of two agents pressing at once, the second
    // update finds the flag no longer as it read it and changes nothing (PostgreSQL re-checks the row after the first
    // commits; SQLite serialises the writers).
    private async Task<bool> ClaimAsync(CaseActor actor, CaseRecord record, Guid attemptId, DateTime now, CancellationToken cancellationToken)
    {
        var id = record.Id;
        var observed = record.DialingAttemptId;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Cases.Where(c => c.Id == id && c.DialingAttemptId == observed)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.DialingAttemptId, attemptId)
                    .SetProperty(c => c.DialingById, actor.Id)
                    .SetProperty(c => c.DialingSinceUtc, now)
                    .SetProperty(c => c.UpdatedAtUtc, now)
                    .SetProperty(c => c.Version, c => c.Version + 1), ct);
            if (claimed == 0)
            {
                return false;
            }

            if (observed is not null)
            {
                // The earlier attempt never told its outcome within the expiry (a node died mid-dial).
                db.CaseHistory.Add(new CaseHistoryEntry(id, null, "callback_expired", null, null, null, now));
            }

            db.CaseHistory.Add(new CaseHistoryEntry(id, actor.Id, "callback_dialing", null, null, null, now));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    private async Task ReleaseAsync(Guid id, Guid attemptId, Guid actorId, string? detail, CancellationToken cancellationToken)
    {
        var now = Now;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Cases.Where(c => c.Id == id && c.DialingAttemptId == attemptId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.DialingAttemptId, (Guid?)null)
                    .SetProperty(c => c.DialingById, (Guid?)null)
                    .SetProperty(c => c.DialingSinceUtc, (DateTime?)null)
                    .SetProperty(c => c.UpdatedAtUtc, now)
                    .SetProperty(c => c.Version, c => c.Version + 1), ct);
            db.CaseHistory.Add(new CaseHistoryEntry(id, actorId, "callback_failed", null, null, detail, now));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        await desk.PublishAsync(id, cancellationToken);
    }

    private async Task<Dictionary<Guid, string>> StaffNamesAsync(IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        return (await hub.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => u.DisplayName is { Length: > 0 } n ? n : u.UserName ?? u.Id.ToString());
    }

    private static string? Jst(DateTime? utc) =>
        utc is { } value ? JapanTime.ToJapan(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc))).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture) : null;

    private static partial class Log
    {
        [LoggerMessage(4301, LogLevel.Information, "Case {CaseId}: callback {AttemptId} is dialling.")]
        public static partial void Dialing(ILogger logger, Guid caseId, Guid attemptId);

        [LoggerMessage(4302, LogLevel.Error, "Case {CaseId}: the callback dialer failed.")]
        public static partial void DialerFailed(ILogger logger, Guid caseId, Exception exception);
    }
}

/// <summary>What the case page shows and allows of callbacks (架電).</summary>
/// <param name="Shown">Whether the viewer takes part in callbacks (the center's staff who may work the case).</param>
/// <param name="CanDial">Whether 「折り返し電話（架電）」 may be pressed now.</param>
/// <param name="DialBlocked">Why not, in Japanese.</param>
/// <param name="AgentPhone">The viewer's own phone, where the call is put through.</param>
/// <param name="Dialing">Whether an attempt runs (発信中).</param>
/// <param name="DialingById">Who dials.</param>
/// <param name="DialingBy">Their name.</param>
/// <param name="DialingSinceUtc">Since when.</param>
/// <param name="RedialDueUtc">The re-dial reservation's time, null when none.</param>
/// <param name="RedialById">Who is to call again.</param>
/// <param name="RedialBy">Their name.</param>
/// <param name="RedialNote">The reservation's note.</param>
/// <param name="RedialOverdue">Whether the reserved time has passed.</param>
public sealed record CaseCallbackView(
    bool Shown, bool CanDial, string? DialBlocked, string? AgentPhone, bool Dialing, Guid? DialingById, string? DialingBy, DateTime? DialingSinceUtc,
    DateTime? RedialDueUtc, Guid? RedialById, string? RedialBy, string? RedialNote, bool RedialOverdue);

/// <summary>One line of the team's re-dial list.</summary>
public sealed record RedialRow(
    Guid Id, string Number, CaseStatus Status, string StatusLabel, string? Subject, string? ContactName, DateTime DueUtc, Guid? ById, string? By,
    string? Note, bool Overdue, bool Dialing);
