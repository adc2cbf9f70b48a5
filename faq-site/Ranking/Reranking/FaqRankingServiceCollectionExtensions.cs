using ConversationHub.Faq.Ranking.Features;
using ConversationHub.Faq.Ranking.Retraining;
using ConversationHub.Faq.Ranking.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Faq.Ranking.Reranking;

/// <summary>
/// Registers re-ranking (options validated at start, platform signals, the re-ranker, the active model) and the
/// retraining console's runs, activations and schedule.
/// </summary>
internal static partial class FaqRankingServiceCollectionExtensions
{
    public static IServiceCollection AddFaqRanking(this IServiceCollection services)
    {
        services.AddOptions<FaqRankingOptions>().BindConfiguration(FaqRankingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FaqRankingOptions>, FaqRankingOptionsValidator>());
        // TODO(ranking-judgements): signals from stored views, feedback and confirmed answers replace these.
        services.TryAddSingleton<IFaqSignals>(NeutralFaqSignals.Instance);
        services.TryAddSingleton(CreateReranker);
        services.AddHostedService<ActiveRankingModelService>();
        AddRetraining(services);
        return services;
    }

    // The editors' retraining console: training runs claimed by any node's runner, promotion and rollback, the schedule.
    private static void AddRetraining(IServiceCollection services)
    {
        services.AddScoped<TrainFromJudgements>();
        services.AddScoped<StartTrainingRun>();
        services.AddScoped<QueueScheduledTrainingRun>();
        services.AddScoped<ExecuteTrainingRun>();
        services.AddScoped<ActivateRankingModel>();
        services.AddScoped<RankingModelsOverview>();
        services.AddSingleton<TrainingRunSignal>();
        services.AddHostedService<TrainingRunnerService>();
    }

    private static FaqReranker CreateReranker(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<FaqRankingOptions>>().Value;
        var logger = services.GetRequiredService<ILogger<FaqReranker>>();
        if (string.IsNullOrWhiteSpace(options.ModelPath))
        {
            Log.NoModel(logger);
            // Not the shared FirstStageOnly: an activated model from the history may be swapped in.
            return new FaqReranker(null, NeutralFaqSignals.Instance, options.Candidates);
        }

        var path = Path.GetFullPath(options.ModelPath);
        var model = FaqRankingModelFile.Load(path);
        Log.ModelLoaded(logger, path, model.TreeCount, model.Metadata.TrainedAt, options.Candidates);
        return new FaqReranker(model, services.GetRequiredService<IFaqSignals>(), options.Candidates);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Search re-ranks the top {Candidates} with the model {Path} ({Trees} trees, trained {TrainedAt:u})")]
        public static partial void ModelLoaded(ILogger logger, string path, int trees, DateTimeOffset trainedAt, int candidates);

        [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "No ranking model configured (FaqRanking:ModelPath); search keeps first-stage order")]
        public static partial void NoModel(ILogger logger);
    }
}
