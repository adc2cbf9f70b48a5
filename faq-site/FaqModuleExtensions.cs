using ConversationHub.Core;
using ConversationHub.Faq.Apis;
using ConversationHub.Faq.KnowledgeBase.Attachments;
using ConversationHub.Faq.KnowledgeBase.Editing;
using ConversationHub.Faq.KnowledgeBase.Import;
using ConversationHub.Faq.Search.Analysis;
using ConversationHub.Faq.Search.Index;
using ConversationHub.Faq.Search.Misses;
using ConversationHub.Faq.Search.Readings;
using ConversationHub.Faq.Search.Service;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.Reranking;
using ConversationHub.Faq.Site;
using ConversationHub.Faq.Site.Analytics;
using ConversationHub.Faq.Site.Apis;
using ConversationHub.Faq.Site.ChatWidget;
using ConversationHub.Faq.Site.Feedback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Faq;

/// <summary>Entry points of the FAQ module (knowledge base, search, public FAQ site).</summary>
public static class FaqModuleExtensions
{
    /// <summary>Registers the knowledge base on the hub database.</summary>
    public static IHostApplicationBuilder AddFaq(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddHubDbContext<FaqDbContext>(FaqDbContext.MigrationsHistoryTable);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ImportFaqDocument>();
        builder.Services.AddScoped<Core.Programs.IProgramDataPart, KnowledgeBase.Proposals.FaqProposalProgramData>();
        builder.Services.AddScoped<SaveFaq>();
        builder.Services.AddScoped<ChangeFaqStatus>();
        builder.Services.AddScoped<RestoreFaqRevision>();
        AddEditorConsole(builder.Services);
        builder.Services.AddOptions<Site.FaqSiteOptions>().BindConfiguration(Site.FaqSiteOptions.SectionName);

        // Search: one in-memory index per node, built at start and kept current through hub events.
        builder.Services.AddSingleton<InMemorySynonymDictionary>();
        builder.Services.AddSingleton<ISynonymDictionary>(sp => sp.GetRequiredService<InMemorySynonymDictionary>());
        builder.Services.AddOptions<ReadingDictionaryOptions>().BindConfiguration(ReadingDictionaryOptions.SectionName);
        builder.Services.AddSingleton(sp => SystemReadingDictionaries.Get(
            sp.GetRequiredService<IOptions<ReadingDictionaryOptions>>().Value, sp.GetRequiredService<ILogger<ReadingDictionary>>()));
        builder.Services.AddSingleton(sp => new FaqSearchIndex(new JapaneseAnalyzer(AnalyzerOptions.Default, sp.GetRequiredService<ReadingDictionary>()), Bm25FParameters.Default, sp.GetRequiredService<ISynonymDictionary>()));
        builder.Services.AddFaqRanking();
        builder.Services.AddScoped<Ranking.Judgements.RecordJudgement>();
        builder.Services.AddSingleton<FaqSearchService>();
        builder.Services.AddHostedService<FaqIndexMaintenanceService>();
        AddSearchMissLog(builder.Services);
        Search.Terms.SelfServiceFiguresServiceCollectionExtensions.AddFaqSelfServiceFigures(builder.Services);
        AddPublicSite(builder.Services);
        Translations.FaqTranslationsServiceCollectionExtensions.AddFaqTranslations(builder.Services);
        return builder;
    }

    /// <summary>Maps the public FAQ site and the FAQ APIs.</summary>
    public static IEndpointRouteBuilder MapFaq(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapFaqSearchApi();
        endpoints.MapSynonymsApi();
        endpoints.MapFaqEditorApi();
        endpoints.MapFaqCsvApi();
        endpoints.MapFaqProposalsApi();
        endpoints.MapSearchMissReportApi();
        endpoints.MapRankingJudgementsApi();
        endpoints.MapRankingReviewApi();
        endpoints.MapRankingModelsApi();
        endpoints.MapSearchClickApi();
        MapPublicSite(endpoints);
        return endpoints;
    }

    // The FAQ editors' staff pages (/console/faq): lists, history, synonyms, attachments, search misses, CSV import/export, proposals.
    private static void AddEditorConsole(IServiceCollection services)
    {
        services.AddScoped<Editor.StaffDirectory>();
        services.AddScoped<Editor.FaqEditorActors>();
        services.AddScoped<Editor.FaqEditorListQuery>();
        services.AddScoped<Editor.RevisionHistory>();
        services.AddScoped<Synonyms.EditSynonymGroup>();
        services.AddScoped<SearchMissReport>();
        services.AddScoped<KnowledgeBase.Csv.PlanFaqCsvImport>();
        services.AddScoped<KnowledgeBase.Csv.ApplyFaqCsvImport>();
        services.AddScoped<KnowledgeBase.Csv.ExportFaqCsv>();
        services.AddScoped<KnowledgeBase.Proposals.SubmitFaqProposal>();
        services.AddScoped<Ranking.Charts.RankingChartsQuery>();
        services.AddScoped<KnowledgeBase.Proposals.AcceptFaqProposal>();
        services.AddScoped<KnowledgeBase.Proposals.RejectFaqProposal>();
        services.AddScoped<KnowledgeBase.Proposals.FaqProposalQueue>();
        AddRankingReview(services);
    }

    // The review queue of the retraining console (/console/faq/ranking): candidates and search misses to decide.
    private static void AddRankingReview(IServiceCollection services)
    {
        services.AddScoped<Ranking.Review.ReviewQueue>();
        services.AddScoped<Ranking.Review.DecideCandidates>();
        services.AddScoped<Ranking.Review.CreateDraftFromMiss>();
        services.AddScoped<Ranking.Review.MapMissToFaq>();
        services.AddScoped<Ranking.Review.ReviewFaqSearch>();
    }

    // Zero-hit and low-confidence searches, masked, queued in memory and written in the background.
    private static void AddSearchMissLog(IServiceCollection services)
    {
        services.AddOptions<FaqSearchOptions>().BindConfiguration(FaqSearchOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FaqSearchOptions>, FaqSearchOptionsValidator>());
        services.AddSingleton<SearchMissLog>();
        services.AddHostedService<SearchMissWriterService>();
        services.AddSingleton<Search.Tally.FaqQuestionTally>();
        services.AddSingleton<Search.Tally.FaqQuestionTallyWriterService>();
        services.AddHostedService(sp => sp.GetRequiredService<Search.Tally.FaqQuestionTallyWriterService>());
    }

    // Public FAQ site: pages, feedback, view counting, sitemap, attachments.
    private static void AddPublicSite(IServiceCollection services)
    {
        services.AddOptions<FaqAttachmentOptions>().BindConfiguration(FaqAttachmentOptions.SectionName);
        services.AddScoped<UploadFaqAttachment>();
        services.AddScoped<RemoveFaqAttachment>();
        services.AddScoped<FaqPageQuery>();
        services.AddScoped<FaqPopularity>();
        services.AddScoped<FaqViewCounter>();
        services.AddScoped<RecordFaqView>();
        services.AddScoped<SubmitFaqFeedback>();
        services.AddSingleton<SearchClickTokens>();
        services.AddScoped<RecordSiteFeedbackJudgement>();
        services.AddSingleton<RepeatViewFilter>();
        // Other modules (the inquiry form) read an FAQ's title through core's contract.
        services.Replace(ServiceDescriptor.Scoped<Core.Faq.IFaqLookup, FaqLookup>());
        // The reports list the proposals of a day or month through core's contract.
        services.Replace(ServiceDescriptor.Scoped<Core.Faq.IFaqProposalReport, KnowledgeBase.Proposals.FaqProposalReport>());
    }

    private static void MapPublicSite(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSitemapApi();
        endpoints.MapWebChatAssets();
        Ranking.Charts.RankingChartAssets.MapRankingChartAssets(endpoints);
        endpoints.MapFaqAttachmentsApi();
        endpoints.MapSiteAssetsApi();
    }
}
