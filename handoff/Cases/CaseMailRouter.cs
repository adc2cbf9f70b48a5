using System.Text;
using System.Text.RegularExpressions;
using ConversationHub.Handoff.Mail;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// Puts each inbound mail on a case: the case whose token is in a recipient's sub-address (<c>contact+token@…</c>), or
/// whose mail is named in In-Reply-To / References; otherwise a new case (channel e-mail). A reply to an answered or
/// completed case reopens it for the center. Routing the same stored mail twice adds it once.
/// </summary>
internal sealed partial class CaseMailRouter(
    HandoffDbContext db,
    CaseDesk desk,
    IStringLocalizer<HandoffStrings> strings,
    TimeProvider time,
    ILogger<CaseMailRouter> logger) : IInboundMailRouter
{
    public async Task<Guid?> RouteAsync(InboundMessage message, CancellationToken ct)
    {
        var existing = await db.CaseEntries.AsNoTracking().Where(e => e.MailId == message.InboxId).Select(e => (Guid?)e.CaseId).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing;
        }

        var entry = EntryOf(message);
        var record = await ThreadAsync(message, ct);
        if (record is null)
        {
            var outcome = await desk.CreateAsync(null, CaseChannel.Email, InputOf(message), CustomFieldCheck.NotAsked, null, [entry], null, ct);
            if (!outcome.Succeeded)
            {
                // The sender's own fields did not pass (a malformed address); the mail itself is never refused.
                outcome = await desk.CreateAsync(null, CaseChannel.Email, new CaseInput(), CustomFieldCheck.NotAsked, null, [entry], null, ct);
            }

            LogMadeCase(logger, message.InboxId, outcome.Case?.Id);
            return outcome.Case?.Id;
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.CaseEntries.Add(new CaseEntry(record.Id, CaseEntryKind.InboundMail, null, entry.Text, now)
        {
            Subject = entry.Subject,
            MailId = entry.MailId,
            MessageId = entry.MessageId,
            Warning = entry.Warning,
        });
        db.CaseHistory.Add(new CaseHistoryEntry(record.Id, null, "mail_received", null, null, null, now));
        if (record.Status is CaseStatus.Answered or CaseStatus.Completed)
        {
            db.CaseHistory.Add(new CaseHistoryEntry(record.Id, null, "reopened", "status", record.Status.ToString(), nameof(CaseStatus.InProgress), now));
            record.Status = CaseStatus.InProgress;
            record.CompletedAtUtc = null;
        }

        if (record.Status != CaseStatus.AwaitingApproval)
        {
            record.AwaitingSide = record.Status == CaseStatus.Escalated ? CaseSides.Department : CaseSides.Center;
        }

        var saved = await desk.SaveAsync(record, ct);
        if (!saved.Succeeded)
        {
            // The case changed meanwhile: the caller retries the stored mail.
            throw new DbUpdateConcurrencyException($"Case {record.Id} changed while mail {message.InboxId} was threaded onto it.");
        }

        LogThreaded(logger, message.InboxId, record.Id);
        return record.Id;
    }

    private async Task<CaseRecord?> ThreadAsync(InboundMessage message, CancellationToken ct)
    {
        foreach (var address in message.ToAddresses)
        {
            if (TokenOf(address) is { } token && await db.Cases.FirstOrDefaultAsync(c => c.Token == token, ct) is { } byToken)
            {
                return byToken;
            }
        }

        var ids = message.References.Append(message.InReplyTo).OfType<string>().Select(Normalize).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return null;
        }

        var caseId = await db.CaseEntries.AsNoTracking().Where(e => e.MessageId != null && ids.Contains(e.MessageId))
            .OrderByDescending(e => e.AtUtc).Select(e => (Guid?)e.CaseId).FirstOrDefaultAsync(ct);
        if (caseId is null)
        {
            // Our own Message-IDs carry the case number (case.C-2026-000123.…@…), should the entry be gone.
            var number = ids.Select(id => CaseNumberInMessageId().Match(id)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
            return number is null ? null : await db.Cases.FirstOrDefaultAsync(c => c.Number == number, ct);
        }

        return await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct);
    }

    private CaseEntryDraft EntryOf(InboundMessage message)
    {
        var text = new StringBuilder(message.TextBody.Length > 100_000 ? message.TextBody[..100_000] : message.TextBody);
        if (message.Attachments.Count > 0)
        {
            text.AppendLine().AppendLine().AppendLine(strings["Cases_Mail_Attachments"].Value);
            foreach (var attachment in message.Attachments)
            {
                text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"・{attachment.FileName}（{attachment.ContentType}, {attachment.Length:N0} bytes）");
            }
        }

        return new CaseEntryDraft(CaseEntryKind.InboundMail, null, text.ToString(), Truncate(message.Subject, 1000) ?? strings["Cases_Mail_NoSubject"].Value,
            message.InboxId, message.MessageId is { } id ? Normalize(id) : null, message.ParseWarning is null ? null : strings["Cases_Mail_ParseWarning"].Value);
    }

    private static CaseInput InputOf(InboundMessage message) => new()
    {
        Subject = Truncate(message.Subject?.ReplaceLineEndings(" "), CaseValidator.MaxSubject),
        Description = Truncate(message.TextBody, CaseValidator.MaxDescription),
        ContactEmail = message.FromAddress is { } from && CaseValidator.IsMailAddress(from) ? from : null,
        ContactName = Truncate(message.FromName, CaseValidator.MaxName),
    };

    private static string? Truncate(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Length <= max ? text.Trim() : text.Trim()[..max];

    /// <summary>The case token of a sub-address (<c>local+token@domain</c>).</summary>
    internal static string? TokenOf(string address)
    {
        var at = address.LastIndexOf('@');
        var plus = at > 0 ? address.LastIndexOf('+', at - 1) : -1;
        var token = plus >= 0 ? address[(plus + 1)..at].ToLowerInvariant() : null;
        return CaseToken.IsWellFormed(token) ? token : null;
    }

    private static string Normalize(string messageId) => messageId.Trim().StartsWith('<') ? messageId.Trim() : $"<{messageId.Trim()}>";

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound mail {InboxId} made case {CaseId}")]
    private static partial void LogMadeCase(ILogger logger, Guid inboxId, Guid? caseId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound mail {InboxId} threaded onto case {CaseId}")]
    private static partial void LogThreaded(ILogger logger, Guid inboxId, Guid caseId);

    [GeneratedRegex(@"^<case\.(C-\d{4}-\d{6})\.")]
    private static partial Regex CaseNumberInMessageId();
}
