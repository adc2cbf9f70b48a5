using ConversationHub.Bot.Engine;
using ConversationHub.Bot.Line.Client;
using ConversationHub.Bot.Line.Delivery;
using ConversationHub.Bot.Line.Handoff;
using ConversationHub.Bot.Line.Inbox;
using ConversationHub.Bot.Line.Infrastructure;
using ConversationHub.Bot.Line.Webhook;
using ConversationHub.Bot.Persistence;
using ConversationHub.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Line;

/// <summary>Registers the LINE channel adapter and the bot module's context. The channel is off without a secret.</summary>
internal static class LineServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddLineChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LineChannelOptions>().BindConfiguration(LineChannelOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LineChannelOptions>, LineChannelOptionsValidator>();
        builder.AddHubDbContext<BotDbContext>(BotDbContext.MigrationsHistoryTable);
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient<LineMessagingClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<LineInboxSignal>();
        services.AddSingleton<LineDeliverySignal>();
        services.AddScoped<LineWebhookInbox>();
        services.AddScoped<Core.Programs.IProgramDataPart, Inbox.LineInboxProgramData>();
        services.AddScoped<LineLeases>();
        services.AddScoped<LineEventProcessor>();
        services.AddScoped<LineDeliverySender>();
        services.AddScoped<LineHandoffNotices>();
        services.AddScoped<Core.Programs.ICitizenNoticeSender, Notices.LineNoticeSender>();
        services.AddSingleton<LineOutbox>();
        // One instance is both the bot engine's listener for committed answers and the worker that sends them.
        services.AddSingleton<LineAnswerWorker>();
        services.AddSingleton<IBotAnswerListener>(sp => sp.GetRequiredService<LineAnswerWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<LineAnswerWorker>());
        services.AddSingleton<LineAgentTypingWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<LineAgentTypingWorker>());
        services.AddHostedService<LineConversationListener>();
        services.AddHostedService<LineInboxWorker>();
        services.AddHostedService<LineDeliveryWorker>();
        return builder;
    }
}
