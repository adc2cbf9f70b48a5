using System.Buffers;
using System.Net;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ConversationHub.Handoff.Mail;

/// <summary>
/// The SMTP listener (<c>Mail:Inbound:SmtpPort</c>; none without it), with the SmtpServer package. A message is answered
/// 250 only after its raw bytes are committed to the database; when the database fails the answer is 451, so the
/// sending MTA keeps the message and tries again: nothing is lost. The envelope's recipients are added on top as
/// <c>X-Original-To</c> headers, as an MDA does, so routing sees them.
/// </summary>
internal sealed partial class SmtpMailListener(MailInbox inbox, IOptions<MailInboundOptions> options, ILogger<SmtpMailListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.SmtpPort is not { } port)
        {
            return;
        }

        var address = IPAddress.Parse(settings.BindAddress);
        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName(settings.ServerName)
            .Endpoint(e => e.Endpoint(new IPEndPoint(address, port)).SessionTimeout(TimeSpan.FromMinutes(5)))
            .MaxMessageSize(settings.MaxMessageBytes, MaxMessageSizeHandling.Strict)
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        var server = new SmtpServer.SmtpServer(serverOptions, services);
        Log.Listening(logger, settings.BindAddress, port);
        try
        {
            await server.StartAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    internal async Task<SmtpResponse> SaveAsync(IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        var envelope = new StringBuilder();
        foreach (var recipient in transaction.To)
        {
            envelope.Append("X-Original-To: ").Append(recipient.User).Append('@').Append(recipient.Host).Append("\r\n");
        }

        var prefix = Encoding.ASCII.GetBytes(envelope.ToString());
        var raw = new byte[prefix.Length + buffer.Length];
        prefix.CopyTo(raw, 0);
        buffer.CopyTo(raw.AsSpan(prefix.Length));
        try
        {
            await inbox.StoreAsync("smtp", null, raw, cancellationToken);
            return SmtpResponse.Ok;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.StoreFailed(logger, ex.GetType().Name);
            return new SmtpResponse(SmtpReplyCode.Aborted, "Local error, try again later");
        }
    }

    private sealed class Store(SmtpMailListener listener) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken) =>
            listener.SaveAsync(transaction, buffer, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4640, Level = LogLevel.Information, Message = "Listening for mail over SMTP on {Address}:{Port}")]
        public static partial void Listening(ILogger logger, string address, int port);

        [LoggerMessage(EventId = 4641, Level = LogLevel.Error, Message = "A message received over SMTP could not be stored ({ErrorType}); answered 451 so the sender retries")]
        public static partial void StoreFailed(ILogger logger, string errorType);
    }
}
