using ConversationHub.Core;
using ConversationHub.Core.Handoff;
using ConversationHub.Core.Retention;
using ConversationHub.Handoff.Apis;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Chats;
using ConversationHub.Handoff.Console;
using ConversationHub.Handoff.Inquiry;
using ConversationHub.Handoff.Live;
using ConversationHub.Handoff.Mail;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Postal;
using ConversationHub.Handoff.Queue;
using ConversationHub.Handoff.Reports;
using ConversationHub.Handoff.Routing;
using ConversationHub.Handoff.Survey;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ConversationHub.Handoff;

/// <summary>Entry points of the Handoff module: the agent queue, live chat, cases and escalation.</summary>
public static class HandoffModuleExtensions
{
    /// <summary>
    /// Registers the agent queue (its context and migrations, the router, the desk the bot asks), the consoles'
    /// SignalR hub and the relay of cross-node events to it.
    /// </summary>
    public static IHostApplicationBuilder AddHandoff(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.SectionName)
            .Validate(o => o.MaxConcurrentChats is > 0 and <= 50 && o.OfferTimeout > TimeSpan.Zero && o.DisconnectGrace >= TimeSpan.Zero
                && o.MaxQueueLength > 0 && o.TargetWait > TimeSpan.Zero && o.RoutingInterval > TimeSpan.Zero && o.HeartbeatInterval > TimeSpan.Zero
                && o.SurveyWindow >= TimeSpan.Zero && o.DefaultHandlingTime > TimeSpan.Zero,
                "Handoff: MaxConcurrentChats from 1 to 50; OfferTimeout, TargetWait, RoutingInterval, HeartbeatInterval, DefaultHandlingTime and MaxQueueLength positive; DisconnectGrace and SurveyWindow not negative.")
            .ValidateOnStart();
        builder.AddHubDbContext<HandoffDbContext>(HandoffDbContext.MigrationsHistoryTable);
        services.TryAddSingleton(TimeProvider.System);
        services.Replace(ServiceDescriptor.Scoped<IHandoffDesk, HandoffDesk>());
        services.AddScoped<QueueBoard>();
        services.AddReports();
        Reports.SelfService.SelfServiceReportServiceCollectionExtensions.AddSelfServiceReport(services);
        services.AddScoped<CitizenNotices>();
        services.AddScoped<ChatDesk>();
        services.AddScoped<ConsoleReader>();
        services.AddScoped<HandoffLeases>();
        services.AddScoped<RoutingPass>();
        services.AddSingleton<FirstQuestions>();
        services.AddSingleton<HandlingTimeCache>();
        services.AddSingleton<RouterSignal>();
        services.AddSingleton<ChatWatchers>();
        services.AddHostedService<QueueRouter>();
        services.AddHostedService<ConnectionHeartbeat>();
        services.AddHostedService<ConsoleRelay>();
        services.AddHostedService<SatisfactionSurvey>();
        services.AddHostedService<Operations.HandoffGauges>();
        services.AddCases();
        services.AddScoped<IRetentionPolicy, CasePersonalFieldsRetentionPolicy>();
        services.AddScoped<IRetentionPolicy, MailRetentionPolicy>();
        services.AddPostalCodes();
        services.AddMailTransport(builder.Configuration);
        services.AddInquiry();
        services.AddSurvey();
        Admin.UserAdministrationServiceCollectionExtensions.AddUserAdministration(services);
        Programs.ProgramsServiceCollectionExtensions.AddPrograms(services);
        // Enums travel by name ("AlreadyTaken", "Available"), as in the JSON APIs.
        services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = 64 * 1024;
                options.AddFilter<ConversationLogHubFilter>();
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    /// <summary>Maps the module's endpoints: the consoles' hub and the handoff APIs.</summary>
    public static IEndpointRouteBuilder MapHandoff(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHub<AgentHub>(AgentHub.Path);
        endpoints.MapHandoffApi();
        endpoints.MapCasesApi();
        endpoints.MapReports();
        endpoints.MapConsoleAssets();
        endpoints.MapInquiryFormScript();
        endpoints.MapPostalCodes();
        endpoints.MapMailApi();
        return endpoints;
    }
}
