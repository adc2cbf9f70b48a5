using System.Globalization;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Mail;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Reports;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>What a notice tells.</summary>
internal enum ReservationNoticeKind
{
    Booked,
    Changed,
    Cancelled,
    Reminder,
}

/// <summary>
/// Tells the citizen the reservation number and 持ち物 on the channel they chose. Every notice is written in the caller's
/// own unit of work, so the reservation change and its notice commit together: e-mail to the durable mail outbox, LINE
/// and SMS to the reservations' own outbox (<see cref="ReservationNoticeOutbox"/>), which sends them through core's
/// <see cref="ICitizenNoticeSender"/>s (registered by the bot and the voice bridge) and retries a failure.
/// </summary>
internal sealed class ReservationNotices(
    MailOutbox outbox,
    ReservationNoticeOutbox directOutbox,
    IEnumerable<ICitizenNoticeSender> senders,
    IStringLocalizer<ReservationStrings> strings,
    TimeProvider time)
{
    /// <summary>Whether notices can go out on <paramref name="channel"/> here.</summary>
    public bool IsAvailable(ReservationContactChannel channel) => channel switch
    {
        ReservationContactChannel.None or ReservationContactChannel.Email => true,
        _ => senders.Any(s => s.Channel == channel && s.IsAvailable),
    };

    /// <summary>The notice's subject and text.</summary>
    public (string Subject, string Text) Compose(ReservationNoticeKind kind, ReservationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var time = (TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
        string[] args = [view.ProgramName, view.Number, ReportPeriod.DayLabel(view.Day), time(view.Starts), time(view.Ends), view.Place, view.PlaceAddress, view.WhatToBring];
        return (strings[$"Notice_{kind}_Subject", args[0], args[1]], strings[$"Notice_{kind}", args]);
    }

    /// <summary>
    /// Adds the notice of <paramref name="reservation"/> to <paramref name="db"/> on its contact's channel (nothing when
    /// it wants none); the caller saves. The text is composed now, so a queued notice names the place as it was named
    /// when the change was made.
    /// </summary>
    public void Enqueue(HandoffDbContext db, Reservation reservation, ReservationNoticeKind kind, ReservationView view, Guid noticeId)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reservation);
        var contact = reservation.Contact;
        if (string.IsNullOrEmpty(contact.Address))
        {
            return;
        }

        var (subject, text) = Compose(kind, view);
        switch (contact.Channel)
        {
            case ReservationContactChannel.Email:
                outbox.Enqueue(db, new MailDraft(contact.Address, subject, text, null, $"reservation.{view.Number}.{noticeId:N}", null, [], null));
                break;
            case ReservationContactChannel.Line or ReservationContactChannel.Sms:
                db.ReservationNotices.Add(new ReservationNotice(noticeId, reservation.ProgramId, reservation.Id, kind, contact.Channel, contact.Address, text, time.GetUtcNow().UtcDateTime));
                break;
        }
    }

    /// <summary>
    /// After the commit, tries the LINE or SMS notice <paramref name="noticeId"/> at once (nothing for other channels);
    /// a failure is left to the outbox's retries, so the caller's change stands either way.
    /// </summary>
    public Task SendNowAsync(Guid noticeId, CancellationToken cancellationToken) => directOutbox.TrySendAsync(noticeId, cancellationToken);
}
