using Microsoft.Extensions.Options;
using MimeKit;

namespace ConversationHub.Handoff.Mail;

/// <summary>
/// Without an SMTP server: writes each message to the pickup folder as <c>&lt;row id&gt;.eml</c>, through a temporary
/// file and a rename, so a reader never sees half a message and a row is written once even when its node died between
/// the rename and recording Sent (the next attempt finds the file and counts it as delivered).
/// </summary>
internal sealed class PickupMailDelivery(IOptionsMonitor<MailOutboundOptions> options) : IMailDelivery
{
    public async Task DeliverAsync(OutboundMail mail, MimeMessage message, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.CurrentValue.PickupDirectory);
        Directory.CreateDirectory(directory);
        var final = Path.Combine(directory, mail.Id.ToString("N") + ".eml");
        if (File.Exists(final))
        {
            return;
        }

        var temporary = Path.Combine(directory, "." + mail.Id.ToString("N") + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true))
            {
                await message.WriteToAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temporary, final, overwrite: false);
            }
            catch (IOException) when (File.Exists(final))
            {
                // Written by an earlier attempt of the same row: already delivered.
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
