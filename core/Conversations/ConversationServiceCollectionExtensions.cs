using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Conversations;

/// <summary>Registers the conversation store.</summary>
internal static class ConversationServiceCollectionExtensions
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new TranscriptWriteGate(sp.GetRequiredService<IOptions<DatabaseOptions>>()));
        services.AddScoped<IConversationStore, ConversationStore>();
        return services;
    }
}
