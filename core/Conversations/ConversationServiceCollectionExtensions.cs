using ConversationHub.Core.Conversations.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConversationHub.Core.Conversations;

/// <summary>Registers the conversation store.</summary>
internal static class ConversationServiceCollectionExtensions
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IConversationStore, ConversationStore>();
        // Replaced by the handoff module when it is part of the host.
        services.TryAddSingleton<Handoff.IHandoffDesk, Handoff.NoHandoffDesk>();
        services.TryAddSingleton<Handoff.ICaseIntake, Handoff.NoCaseIntake>();
        services.TryAddSingleton<Handoff.ICallbackOutcomes, Handoff.NoCallbackOutcomes>();
        services.TryAddSingleton<Programs.IProgramDirectory, Programs.NoProgramDirectory>();
        // Replaced by the voice module when it is part of the host.
        services.TryAddSingleton<Handoff.ICallbackDialer, Handoff.NoCallbackDialer>();
        // Replaced by the FAQ module when it is part of the host.
        services.TryAddSingleton<Faq.IFaqLookup, Faq.NoFaqLookup>();
        services.TryAddSingleton<Faq.IFaqProposalReport, Faq.NoFaqProposalReport>();
        return services;
    }
}
