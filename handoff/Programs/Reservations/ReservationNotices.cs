using System.Globalization;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Mail;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Reports;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

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
/// Tells the citizen the reservation number and 持ち物 on the channel they chose. E-mail goes through the durable mail
/// outbox in the caller's own unit of work (the booking and its mail commit together); LINE and SMS go through core's
/// <see cref="ICitizenNoticeSender"/>s (registered by the bot and the voice bridge) after the commit, once, and a
/// failure is logged, not retried: the number was also told on the spot.
/// </summary>
internal sealed partial class ReservationNotices(
    MailOutbox outbox,
    IEnumerable<ICitizenNoticeSender> senders,
    IStringLocalizer<ReservationStrings> strings,
    ILogger<ReservationNotices> logger)
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

    /// <summary>Adds the e-mail notice to <paramref name="db"/> when the contact is e-mail; the caller saves.</summary>
    public void EnqueueMail(HandoffDbContext db, ReservationContact contact, ReservationNoticeKind kind, ReservationView view, Guid noticeId)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (contact.Channel != ReservationContactChannel.Email || string.IsNullOrEmpty(contact.Address))
        {
            return;
        }

        var (subject, text) = Compose(kind, view);
        outbox.Enqueue(db, new MailDraft(contact.Address, subject, text, null, $"reservation.{view.Number}.{noticeId:N}", null, [], null));
    }

    /// <summary>Sends the LINE or SMS notice (nothing for other channels); returns whether a channel took it.</summary>
    public async Task<bool> SendDirectAsync(ReservationContact contact, ReservationNoticeKind kind, ReservationView view, Guid noticeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (contact.Channel is ReservationContactChannel.None or ReservationContactChannel.Email || string.IsNullOrEmpty(contact.Address))
        {
            return false;
        }

        var sender = senders.FirstOrDefault(s => s.Channel == contact.Channel && s.IsAvailable);
        if (sender is null)
        {
            Log.NoSender(logger, contact.Channel, view.Number);
            return false;
        }

        try
        {
            var sent = await sender.SendAsync(contact.Address, Compose(kind, view).Text, noticeId, cancellationToken);
            if (!sent)
            {
                Log.Refused(logger, contact.Channel, view.Number);
            }

            return sent;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            Log.Failed(logger, contact.Channel, view.Number, ex);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4960, Level = LogLevel.Warning, Message = "No {Channel} sender is available for the notice of reservation {Number}.")]
        public static partial void NoSender(ILogger logger, ReservationContactChannel channel, string number);

        [LoggerMessage(EventId = 4961, Level = LogLevel.Warning, Message = "The {Channel} channel refused the notice of reservation {Number}.")]
        public static partial void Refused(ILogger logger, ReservationContactChannel channel, string number);

        [LoggerMessage(EventId = 4962, Level = LogLevel.Warning, Message = "Sending the {Channel} notice of reservation {Number} failed.")]
        public static partial void Failed(ILogger logger, ReservationContactChannel channel, string number, Exception exception);
    }
}
