using System.Globalization;
using System.Text;
using ConversationHub.Core.Organisation;
using ConversationHub.Handoff.Mail;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// The mail a case sends, through the durable outbox and inside the caller's unit of work: notices to departments and
/// to the center (a link to the case, never personal data), and approved replies to citizens (threaded by the case's
/// token in Reply-To and by Message-ID / References).
/// </summary>
internal sealed class CaseMailer(MailOutbox outbox, IConfiguration configuration, IStringLocalizer<HandoffStrings> strings)
{
    /// <summary>The center's own mailbox for notices (<c>Cases:CenterEmail</c>), if configured.</summary>
    public string? CenterAddress => configuration["Cases:CenterEmail"] is { Length: > 0 } address ? address : null;

    private string CityName => configuration["FaqSite:CityName"] is { Length: > 0 } city ? city : strings["Chats_DefaultCity"];

    private string BaseUrl => (configuration["Cases:ConsoleBaseUrl"] ?? configuration["FaqSite:PublicBaseUrl"] ?? "http://127.0.0.1:5080").TrimEnd('/');

    /// <summary>The address citizens reply to: the sender's address with the case's token as a sub-address.</summary>
    public string? ReplyAddress(CaseRecord record)
    {
        var from = configuration["Mail:Outbound:From"] ?? configuration["Cases:ReplyAddress"] ?? "contact@city.example.jp";
        var at = from.LastIndexOf('@');
        var open = from.LastIndexOf('<');
        if (at <= 0)
        {
            return null;
        }

        var localStart = open >= 0 ? open + 1 : 0;
        var end = from.IndexOf('>', at);
        var local = from[localStart..at];
        var domain = end > at ? from[(at + 1)..end] : from[(at + 1)..];
        return $"{local}+{record.Token}@{domain}";
    }

    /// <summary>A staff notice about <paramref name="record"/>: its number, what happened, the link. No personal data.</summary>
    public void Notice(HandoffDbContext db, CaseRecord record, string to, string noticeKey, string? detail = null)
    {
        if (!CaseValidator.IsMailAddress(to))
        {
            // A mailbox imported with a typo must not block the step; the console still shows it.
            return;
        }

        var subject = strings["Cases_Mail_NoticeSubject", CityName, record.Number, strings[noticeKey + "_Title"]].Value;
        var body = new StringBuilder()
            .AppendLine(strings[noticeKey + "_Body", record.Number].Value)
            .AppendLine();
        if (!string.IsNullOrEmpty(detail))
        {
            body.AppendLine(detail).AppendLine();
        }

        body.AppendLine(strings["Cases_Mail_Link"].Value)
            .AppendLine(CultureInfo.InvariantCulture, $"{BaseUrl}/console/cases/{record.Id}")
            .AppendLine()
            .AppendLine(strings["Cases_Mail_NoPersonalData"].Value);
        outbox.Enqueue(db, new MailDraft(to, subject, body.ToString(), null, $"notice.{record.Number}.{Guid.CreateVersion7():N}", null, [], record.Id));
    }

    /// <summary>Queues an approved reply to the citizen.</summary>
    public OutboundMail Reply(HandoffDbContext db, CaseRecord record, CaseReply reply, IReadOnlyList<string> threadIds) =>
        outbox.Enqueue(db, new MailDraft(reply.To, reply.Subject, reply.Body, ReplyAddress(record), $"case.{record.Number}.{reply.Id:N}",
            threadIds.Count > 0 ? threadIds[^1] : null, threadIds, record.Id));

    /// <summary>
    /// Queues the citizen's confirmation (「お問い合わせを受け付けました（受付番号 C-…）」): the number, what happens next,
    /// that no reply is needed, and the case's Reply-To so that a reply the citizen sends anyway threads onto the case.
    /// The inquiry's text is not repeated: mail crosses the internet in the clear. Nothing is queued without an address.
    /// Its Message-ID is fixed per case, so a transport that dedupes by it sends one confirmation however often this runs.
    /// </summary>
    public OutboundMail? Confirmation(HandoffDbContext db, CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ContactEmail is not { Length: > 0 } to)
        {
            return null;
        }

        var subject = strings["Cases_Mail_ConfirmationSubject", CityName, record.Number].Value;
        var body = new StringBuilder();
        if (record.ContactName is { Length: > 0 } name)
        {
            body.AppendLine(strings["Cases_Mail_ConfirmationGreeting", name].Value).AppendLine();
        }

        body.AppendLine(strings["Cases_Mail_ConfirmationBody", CityName, record.Number].Value)
            .AppendLine()
            .AppendLine(strings["Cases_Mail_ConfirmationNext"].Value)
            .AppendLine()
            .AppendLine(strings["Cases_Mail_ConfirmationNoReply"].Value)
            .AppendLine()
            .AppendLine(strings["Cases_Mail_ConfirmationFooter", CityName].Value);
        return outbox.Enqueue(db, new MailDraft(to, subject, body.ToString(), ReplyAddress(record), $"case.{record.Number}.received", null, [], record.Id));
    }

    /// <summary>The department's mailbox, if it has one.</summary>
    public static string? DepartmentAddress(Department? department) => department?.Email is { Length: > 0 } email ? email : null;
}
