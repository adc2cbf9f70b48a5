using ConversationHub.Core.Handoff;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConversationHub.Handoff.Inquiry;

/// <summary>Registers the citizens' inquiry form (its guards) and the chat's case intake.</summary>
internal static class InquiryServiceCollectionExtensions
{
    public static IServiceCollection AddInquiry(this IServiceCollection services)
    {
        services.AddOptions<InquiryOptions>().BindConfiguration(InquiryOptions.SectionName)
            .Validate(o => o.MinFillTime >= TimeSpan.Zero && o.FormLifetime > o.MinFillTime && o.RateLimitPermits > 0 && o.RateLimitWindow > TimeSpan.Zero
                && o.MaxDescription is > 0 and <= Cases.CaseValidator.MaxDescription,
                "Inquiry: MinFillTime not negative and shorter than FormLifetime; RateLimitPermits and RateLimitWindow positive; MaxDescription from 1 to 8000.")
            .ValidateOnStart();
        services.AddSingleton<InquiryFormToken>();
        services.AddScoped<ReceiveCase>();
        services.Replace(ServiceDescriptor.Scoped<ICaseIntake, CaseIntake>());
        services.AddRateLimiter(InquiryRateLimits.Configure);
        return services;
    }
}
