using ConversationHub.Core.ContactEvents.Figures;
using ConversationHub.Core.ContactEvents.Rollup;
using ConversationHub.Core.ContactEvents.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConversationHub.Core.ContactEvents;

/// <summary>Registers the contact-event recorder, the hourly roll-up and the figures query.</summary>
internal static class ContactEventServiceCollectionExtensions
{
    public static IServiceCollection AddContactEvents(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IContactEventRecorder, ContactEventRecorder>();
        services.AddOptions<ContactRollupOptions>().BindConfiguration(ContactRollupOptions.SectionName)
            .Validate(o => o.Interval > TimeSpan.Zero && o.BatchSize > 0, "ContactRollup:Interval and ContactRollup:BatchSize must be positive.")
            .ValidateOnStart();
        services.AddScoped<ContactRollupPass>();
        services.AddScoped<IContactFigures, RollupContactFigures>();
        services.AddScoped<ISelfServiceFigures, RollupSelfServiceFigures>();
        services.AddHostedService<FoldContactEventsService>();
        return services;
    }
}
