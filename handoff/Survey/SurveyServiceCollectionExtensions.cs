using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Handoff.Survey;

/// <summary>Registers the satisfaction survey (利用者満足度調査): its definitions, the flow in the chat and the results.</summary>
internal static class SurveyServiceCollectionExtensions
{
    public static IServiceCollection AddSurvey(this IServiceCollection services)
    {
        services.AddScoped<SurveyDefinitions>();
        services.AddScoped<SurveyFlow>();
        services.AddScoped<SurveyResults>();
        return services;
    }
}
