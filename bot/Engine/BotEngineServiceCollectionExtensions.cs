using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConversationHub.Bot.Engine;

/// <summary>Registers the bot's turn engine: the queue, its worker and the turn itself.</summary>
internal static class BotEngineServiceCollectionExtensions
{
    public static IServiceCollection AddBotEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BotTurnQueue>();
        services.AddHostedService<BotTurnWorker>();
        services.AddScoped<BotActivityWriter>();
        services.AddScoped<FaqBot>();
        return services;
    }
}
