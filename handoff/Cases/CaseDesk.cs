using System.Globalization;
using System.Text;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Services;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Events;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Console;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// Makes and changes cases: create (by hand, from a chat, from the form or a mail), edit fields, set the status,
/// assign, note. Each change is checked against the actor's rights, saved under the case's version (a stale edit is
/// refused, never merged silently) and written to the case's history with the value before and after.
/// </summary>
internal sealed class CaseDesk(
    HandoffDbContext db,
    HubDbContext hub,
    IConversationStore conversations,
    CaseValidator validator,
    IHubEvents events,
    IContactEventRecorder contactEvents,
    IStringLocalizer<HandoffStrings> strings,
    TimeProvider time)
{
    public const int MaxNoteLength = 4000;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Makes a case. <paramref name="actor"/> is null when the platform makes it (the form, a mail); staff must be the
    /// center's (operators, supervisors). <paramref name="scope"/> limits the custom fields checked (the form asks only its own).
    /// <paramref name="beforeSave"/> adds rows that must commit with the case or not at all (a confirmation mail in the
    /// outbox, a submission key); it may run more than once when the execution strategy retries.
    /// </summary>
    public async Task<CaseOutcome> CreateAsync(
        CaseActor? actor, CaseChannel channel, CaseInput input, CustomFieldCheck fields, Guid? conversationId,
        IReadOnlyList<CaseEntryDraft> entries, Action<HandoffDbContext, CaseRecord>? beforeSave, CancellationToken cancellationToken)
    {
        if (actor is not null && !(actor.DepartmentId is null && (actor.IsOperator || actor.IsSupervisor)))
        {
            return CaseOutcome.Fail(CaseError.Forbidden);
        }

        var catalog = await CaseCatalogSnapshot.LoadAsync(db, cancellationToken);
        var (values, errors) = validator.Validate(input, catalog, fields);
        if (values is null)
        {
            return CaseOutcome.Invalid(errors);
        }

        // A case made from a program's conversation belongs to the program (its reports, its disposal).
        var programId = conversationId is { } fromConversation ? (await conversations.FindAsync(fromConversation, cancellationToken))?.ProgramId : null;
        var now = Now;
        CaseRecord? created = null;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var year = CaseNumbers.YearOf(now);
            var sequence = await CaseNumbers.NextAsync(db, year, ct);
            var record = new CaseRecord(year, sequence, channel, actor?.Id, now)
            {
                ConversationId = conversationId,
                ProgramId = programId,
                SourceFaqId = input.SourceFaqId is { Length: > 0 and <= 64 } faq ? faq : null,
                AwaitingSide = CaseSides.Center,
            };
            Apply(record, values);
            CaseContact.Rehash(record, db.Pii);
            db.Cases.Add(record);
            foreach (var draft in entries)
            {
                db.CaseEntries.Add(new CaseEntry(record.Id, draft.Kind, draft.AuthorId, draft.Text, now)
                {
                    Subject = draft.Subject,
                    MailId = draft.MailId,
                    MessageId = draft.MessageId,
                    Warning = draft.Warning,
                });
            }

            db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actor?.Id, "created", "channel", null, channel.ToString(), now));
            beforeSave?.Invoke(db, record);
            await db.SaveChangesAsync(ct);
            if (conversationId is null && channel is CaseChannel.Form or CaseChannel.Email or CaseChannel.Manual)
            {
                // A contact that came by no conversation (a conversation records its own arrival).
                await contactEvents.RecordAsync(db, CaseContactEvents.Arrived(record), ct);
            }

            await transaction.CommitAsync(ct);
            created = record;
        }, cancellationToken);

        await PublishAsync(created!.Id, cancellationToken);
        return CaseOutcome.Ok(created!);
    }

    /// <summary>「案件化」 from a live chat: the case gets the chat's channel and its transcript as the first entry.</summary>
    public async Task<CaseOutcome> CreateFromChatAsync(CaseActor actor, Guid conversationId, CaseInput input, CancellationToken cancellationToken)
    {
        var conversation = await conversations.FindAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return CaseOutcome.Fail(CaseError.NotFound);
        }

        // The chat's own agent, or a supervisor, as for reading the chat in the console.
        if (conversation.AgentId != actor.Id && !actor.IsSupervisor)
        {
            return CaseOutcome.Fail(CaseError.Forbidden);
        }

        var activities = await conversations.ReadAsync(conversationId, 0, 2000, cancellationToken);
        var transcript = TranscriptText(activities);
        var channel = ChannelOf(conversation.Channel);
        var description = input.Description ?? TranscriptView.FirstQuestion(activities);
        var sourceFaq = input.SourceFaqId ?? LastAnsweredFaq(activities);
        return await CreateAsync(actor, channel, input with { Description = description, SourceFaqId = sourceFaq }, CustomFieldCheck.Staff, conversationId,
            [new CaseEntryDraft(CaseEntryKind.Transcript, actor.Id, transcript, strings["Cases_Entry_TranscriptSubject"])], null, cancellationToken);
    }

    /// <summary>The case channel of a conversation's channel.</summary>
    internal static CaseChannel ChannelOf(ConversationChannel channel) => channel switch
    {
        ConversationChannel.Line => CaseChannel.Line,
        ConversationChannel.Voice => CaseChannel.Voice,
        ConversationChannel.Email => CaseChannel.Email,
        ConversationChannel.Form => CaseChannel.Form,
        _ => CaseChannel.WebChat,
    };

    /// <summary>Writes every field of the form; refused when <paramref name="expectedVersion"/> is not the stored one.</summary>
    public async Task<CaseOutcome> UpdateAsync(CaseActor actor, Guid id, int expectedVersion, CaseInput input, CancellationToken cancellationToken)
    {
        var record = await db.Cases.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (record is null || !actor.CanSee(record))
        {
            return CaseOutcome.Fail(CaseError.NotFound);
        }

        if (!actor.CanWork(record))
        {
            return CaseOutcome.Fail(CaseError.Forbidden);
        }

        if (record.Version != expectedVersion)
        {
            return CaseOutcome.Fail(CaseError.Stale);
        }

        var catalog = await CaseCatalogSnapshot.LoadAsync(db, cancellationToken);
        var (values, errors) = validator.Validate(input, catalog);
        if (values is null)
        {
            return CaseOutcome.Invalid(errors);
        }

        var now = Now;
        var before = Snapshot(record);
        values = values with { CustomFieldsJson = KeepRetiredValues(record.CustomFieldsJson, values.CustomFieldsJson, catalog) };
        Apply(record, values);
        var after = Snapshot(record);
        foreach (var (field, old) in before)
        {
            if (!string.Equals(old, after[field], StringComparison.Ordinal))
            {
                db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actor.Id, "updated", field, old, after[field], now));
            }
        }

        CaseContact.Rehash(record, db.Pii);
        return await SaveAsync(record, cancellationToken);
    }

    /// <summary>Sets the status by hand: start (対応中), complete (完了), reopen.</summary>
    public async Task<CaseOutcome> SetStatusAsync(CaseActor actor, Guid id, CaseStatus status, CancellationToken cancellationToken)
    {
        var (record, error) = await WorkableAsync(actor, id, cancellationToken);
        if (record is null)
        {
            return error!;
        }

        if (!CaseStatusRules.CanSetByHand(record.Status, status))
        {
            return CaseOutcome.Fail(CaseError.WrongStatus, strings["Cases_Error_Transition", strings["CaseStatus_" + record.Status], strings["CaseStatus_" + status]]);
        }

        var now = Now;
        db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actor.Id, status == CaseStatus.InProgress && record.Status is CaseStatus.Completed or CaseStatus.Answered ? "reopened" : "status",
            "status", record.Status.ToString(), status.ToString(), now));
        record.Status = status;
        record.CompletedAtUtc = status == CaseStatus.Completed ? now : null;
        record.AwaitingSide = status == CaseStatus.Completed ? null : CaseSides.Center;
        return await SaveAsync(record, cancellationToken);
    }

    /// <summary>Assigns the case to a staff member and/or a team (null clears). Department staff assign within their department.</summary>
    public async Task<CaseOutcome> AssignAsync(CaseActor actor, Guid id, Guid? assigneeId, string? team, CancellationToken cancellationToken)
    {
        var (record, error) = await WorkableAsync(actor, id, cancellationToken);
        if (record is null)
        {
            return error!;
        }

        if (assigneeId is { } userId)
        {
            var user = await hub.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DepartmentId }).FirstOrDefaultAsync(cancellationToken);
            if (user is null || (actor.DepartmentId is { } department && user.DepartmentId != department))
            {
                return CaseOutcome.Invalid(new Dictionary<string, string[]> { ["assigneeId"] = [strings["Cases_Error_UnknownAssignee"].Value] });
            }
        }

        team = string.IsNullOrWhiteSpace(team) ? null : team.Trim();
        if (team is { Length: > 100 })
        {
            return CaseOutcome.Invalid(new Dictionary<string, string[]> { ["team"] = [strings["Cases_Error_TooLong", 100].Value] });
        }

        var now = Now;
        if (record.AssigneeId != assigneeId)
        {
            db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actor.Id, "assigned", "assigneeId", record.AssigneeId?.ToString(), assigneeId?.ToString(), now));
            record.AssigneeId = assigneeId;
        }

        if (record.AssigneeTeam != team)
        {
            db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actor.Id, "assigned", "assigneeTeam", record.AssigneeTeam, team, now));
            record.AssigneeTeam = team;
        }

        if (record.Status == CaseStatus.New && (assigneeId is not null || team is not null))
        {
            db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actor.Id, "status", "status", record.Status.ToString(), nameof(CaseStatus.InProgress), now));
            record.Status = CaseStatus.InProgress;
        }

        return await SaveAsync(record, cancellationToken);
    }

    /// <summary>A staff note on the timeline (never sent to the citizen).</summary>
    public async Task<CaseOutcome> AddNoteAsync(CaseActor actor, Guid id, string? text, CancellationToken cancellationToken)
    {
        var (record, error) = await WorkableAsync(actor, id, cancellationToken);
        if (record is null)
        {
            return error!;
        }

        if (RequiredText(text, "text", MaxNoteLength) is { } invalid)
        {
            return invalid;
        }

        var now = Now;
        db.CaseEntries.Add(new CaseEntry(record.Id, CaseEntryKind.Note, actor.Id, text!.Trim(), now));
        db.CaseHistory.Add(new CaseHistoryEntry(record.Id, actor.Id, "noted", null, null, null, now));
        return await SaveAsync(record, cancellationToken);
    }

    internal async Task<(CaseRecord? Record, CaseOutcome? Error)> WorkableAsync(CaseActor actor, Guid id, CancellationToken cancellationToken)
    {
        var record = await db.Cases.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (record is null || !actor.CanSee(record))
        {
            return (null, CaseOutcome.Fail(CaseError.NotFound));
        }

        return actor.CanWork(record) ? (record, null) : (null, CaseOutcome.Fail(CaseError.Forbidden));
    }

    internal CaseOutcome? RequiredText(string? text, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CaseOutcome.Invalid(new Dictionary<string, string[]> { [field] = [strings["Cases_Error_Empty"].Value] });
        }

        return text.Trim().Length > max
            ? CaseOutcome.Invalid(new Dictionary<string, string[]> { [field] = [strings["Cases_Error_TooLong", max].Value] })
            : null;
    }

    /// <summary>Saves under the version read; a concurrent change makes this one stale.</summary>
    /// <summary>
    /// Saves the case under its version; <paramref name="contactEvent"/> makes the contact event of the change (from the
    /// record at its new version), which commits with it.
    /// </summary>
    internal async Task<CaseOutcome> SaveAsync(CaseRecord record, CancellationToken cancellationToken, Func<CaseRecord, ContactEvent>? contactEvent = null)
    {
        record.UpdatedAtUtc = Now;
        record.Version++;
        try
        {
            await contactEvents.SaveChangesWithAsync(db, contactEvent is null ? [] : [contactEvent(record)], cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CaseOutcome.Fail(CaseError.Stale);
        }

        await PublishAsync(record.Id, cancellationToken);
        return CaseOutcome.Ok(record);
    }

    internal Task PublishAsync(Guid caseId, CancellationToken cancellationToken) =>
        events.PublishAsync(HandoffTopics.CaseChanged, System.Text.Json.JsonSerializer.Serialize(new CaseChangedPayload(caseId)), cancellationToken);

    // A retired field is no longer asked, but what a case already holds for it stays.
    private static string? KeepRetiredValues(string? storedJson, string? newJson, CaseCatalogSnapshot catalog)
    {
        if (storedJson is null || System.Text.Json.Nodes.JsonNode.Parse(storedJson) is not System.Text.Json.Nodes.JsonObject stored)
        {
            return newJson;
        }

        var merged = newJson is null ? [] : System.Text.Json.Nodes.JsonNode.Parse(newJson) as System.Text.Json.Nodes.JsonObject ?? [];
        foreach (var (key, value) in stored)
        {
            if (!catalog.Fields.Any(f => f.Key == key && f.IsActive) && !merged.ContainsKey(key))
            {
                merged[key] = value?.DeepClone();
            }
        }

        return merged.Count == 0 ? null : merged.ToJsonString();
    }

    private static void Apply(CaseRecord record, CaseValues values)
    {
        record.CategoryId = values.CategoryId;
        record.InquiryType = values.InquiryType;
        record.Flags = values.Flags;
        record.Subject = values.Subject;
        record.Description = values.Description;
        record.ContactName = values.ContactName;
        record.ContactKana = values.ContactKana;
        record.ContactPhone = values.ContactPhone;
        record.ContactEmail = values.ContactEmail;
        record.PostalCode = values.PostalCode;
        record.Address = values.Address;
        record.CustomFieldsJson = values.CustomFieldsJson;
    }

    private static Dictionary<string, string?> Snapshot(CaseRecord record) => new(StringComparer.Ordinal)
    {
        ["categoryId"] = record.CategoryId?.ToString(),
        ["inquiryType"] = record.InquiryType,
        ["flags"] = record.Flags,
        ["subject"] = record.Subject,
        ["description"] = record.Description,
        ["contactName"] = record.ContactName,
        ["contactKana"] = record.ContactKana,
        ["contactPhone"] = record.ContactPhone,
        ["contactEmail"] = record.ContactEmail,
        ["postalCode"] = record.PostalCode,
        ["address"] = record.Address,
        ["customFields"] = record.CustomFieldsJson,
    };

    // The bot marks each FAQ answer in its channelData; the last one is what the citizen came from.
    private static string? LastAnsweredFaq(IEnumerable<TranscriptActivity> activities) =>
        activities.Where(a => a.Direction == ActivityDirection.Outbound)
            .Select(a => System.Text.Json.Nodes.JsonNode.Parse(a.ActivityJson)?["channelData"]?[ActivityChannelData.FaqId])
            .OfType<System.Text.Json.Nodes.JsonValue>()
            .Select(v => v.TryGetValue<string>(out var id) ? id : null)
            .LastOrDefault(id => id is not null);

    internal string TranscriptText(IEnumerable<TranscriptActivity> activities)
    {
        var text = new StringBuilder();
        foreach (var item in TranscriptView.Map(activities).Where(i => i.Type == "message" && !string.IsNullOrEmpty(i.Text)))
        {
            var who = item.Role switch
            {
                "user" => strings["Cases_Transcript_Citizen"].Value,
                "agent" => strings["Cases_Transcript_Agent"].Value,
                _ => strings["Cases_Transcript_Bot"].Value,
            };
            var at = Core.Calendar.JapanTime.ToJapan(new DateTimeOffset(item.TimestampUtc, TimeSpan.Zero));
            text.Append(CultureInfo.InvariantCulture, $"[{at:yyyy-MM-dd HH:mm}] {who}: ").AppendLine(item.Text);
        }

        return text.ToString();
    }
}

/// <summary>An entry to add with a new case.</summary>
internal sealed record CaseEntryDraft(CaseEntryKind Kind, Guid? AuthorId, string? Text, string? Subject = null, Guid? MailId = null, string? MessageId = null, string? Warning = null);

/// <summary>Who must act next on a case.</summary>
internal static class CaseSides
{
    public const string Center = "center";
    public const string Department = "department";
    public const string Approver = "approver";
}
