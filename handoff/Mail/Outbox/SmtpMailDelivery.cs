using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ConversationHub.Handoff.Mail;

/// <summary>Sends over SMTP with MailKit, one connection per message (replies to citizens are few and far between).</summary>
internal sealed class SmtpMailDelivery(IOptionsMonitor<MailOutboundOptions> options) : IMailDelivery
{
    public async Task DeliverAsync(OutboundMail mail, MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Mail:Outbound:Host is not set."), settings.Port, settings.Security switch
            {
                MailSecurity.None => SecureSocketOptions.None,
                MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            }, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }

            // Returns after the server's 250 to the end of DATA; the caller records Sent at once.
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            // The server's code and status, never its text: servers quote the recipient's address back.
            var code = ((int)ex.StatusCode).ToString(CultureInfo.InvariantCulture);
            throw new MailDeliveryException($"SMTP {code} on {ex.ErrorCode}", permanent: (int)ex.StatusCode >= 500, ex);
        }
        catch (SmtpProtocolException ex)
        {
            throw new MailDeliveryException("SMTP protocol error", permanent: false, ex);
        }
        catch (AuthenticationException ex)
        {
            throw new MailDeliveryException("SMTP authentication failed", permanent: false, ex);
        }
        finally
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
                catch (Exception ex) when (ex is IOException or SmtpProtocolException or OperationCanceledException or TimeoutException)
                {
                    // The message's outcome is already decided.
                }
            }
        }
    }
}
