using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConversationHub.Bot.Engine;

/// <summary>Registers the bot's turn engine: the queue, its worker, the sweep of unanswered turns and the turn itself.</summary>
internal static class BotEngineServiceCollectionExtensions
{
    public static IServiceCollection AddBotEngine(this IServiceCollection services)
    {
        services.AddOptions<BotTurnOptions>()
            .BindConfiguration(BotTurnOptions.SectionName)
            .Validate(o => o.Lease > TimeSpan.Zero && o.SweepInterval > TimeSpan.Zero && o.SweepGrace >= TimeSpan.Zero && o.Concurrency is > 0 and <= 256,
                "Bot:Turns: Lease and SweepInterval must be positive, SweepGrace not negative, Concurrency from 1 to 256.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BotNode>();
        services.AddSingleton<BotTurnQueue>();
        services.AddSingleton(sp => new BotTurnRequests(sp.GetRequiredService<BotTurnQueue>()));
        services.AddHostedService<BotTurnWorker>();
        services.AddHostedService<AnswerPendingTurnsService>();
        services.AddScoped<BotActivityWriter>();
        services.AddScoped<FaqBot>();
        services.AddScoped<TranslatedFaqAnswer>();
        services.AddScoped<ProgramGreeting>();
        services.AddScoped<ChatIntake>();
        services.AddProgramBooking();
        services.AddScoped<RankerFeedback>();
        return services;
    }
}
