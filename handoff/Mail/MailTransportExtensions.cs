using ConversationHub.Core.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Mail;

/// <summary>Registration of the mail transport (called from <see cref="HandoffModuleExtensions"/>).</summary>
public static class MailTransportExtensions
{
    /// <summary>
    /// Registers the outbox and its sender, the received-mail store and its routing pass, the SMTP listener
    /// (<c>Mail:Inbound:SmtpPort</c>) and the Maildir watcher (<c>Mail:Inbound:Maildir</c>), each idle unless configured.
    /// The cases code registers its <see cref="IInboundMailRouter"/> (scoped) itself.
    /// </summary>
    public static IServiceCollection AddMailTransport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        MailEncodings.Register();
        services.AddOptions<MailOutboundOptions>().Bind(configuration.GetSection(MailOutboundOptions.SectionName)).ValidateOnStart();
        services.AddOptions<MailInboundOptions>().Bind(configuration.GetSection(MailInboundOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOutboundOptions>, MailOutboundOptionsValidator>();
        services.AddSingleton<IValidateOptions<MailInboundOptions>, MailInboundOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton(sp => new MailOutbox(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IHubEvents>(), sp.GetRequiredService<OutboxSignal>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptionsMonitor<MailOutboundOptions>>(), sp.GetRequiredService<ILogger<MailOutbox>>()));
        services.AddSingleton(sp => new MailInbox(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IHubEvents>(), sp.GetRequiredService<InboxSignal>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MailInbox>>()));
        services.AddSingleton<SmtpMailDelivery>();
        services.AddSingleton<PickupMailDelivery>();
        services.AddHostedService<MailSender>();
        services.AddHostedService<InboundMailRouting>();
        services.AddHostedService<SmtpMailListener>();
        services.AddHostedService<MaildirMailWatcher>();
        return services;
    }
}
