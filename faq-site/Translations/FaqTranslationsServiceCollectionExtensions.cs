using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConversationHub.Faq.Translations;

/// <summary>Registration of FAQ translations and of the FAQs withheld after their programs' end (issue 19).</summary>
internal static class FaqTranslationsServiceCollectionExtensions
{
    public static IServiceCollection AddFaqTranslations(this IServiceCollection services)
    {
        services.AddScoped<SaveFaqTranslation>();
        services.AddScoped<FaqTranslations>();
        // Replaced by the handoff module, where programs live, when it is part of the host.
        services.TryAddScoped<Core.Programs.IProgramFaqRules, Core.Programs.NoProgramFaqRules>();
        services.AddScoped<ProgramFaqs.ProgramFaqHoldSync>();
        services.AddHostedService<ProgramFaqs.ProgramFaqHoldService>();
        return services;
    }
}
