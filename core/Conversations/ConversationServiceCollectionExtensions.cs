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
        return services;
    }
}
