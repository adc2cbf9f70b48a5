namespace ConversationHub.Host.DemoCity;

/// <summary>Registers the demo city (fictional 若葉台市) seeding and the start-up banner.</summary>
internal static class DemoCityExtensions
{
    public static WebApplicationBuilder AddDemoCity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoCityOptions>().BindConfiguration(DemoCityOptions.SectionName);
        builder.Services.AddSingleton<ConversationHub.Core.Persistence.IStartupSeeder, DemoCitySeeder>();
        builder.Services.AddHostedService<StartupBanner>();
        builder.Services.AddSingleton<ConversationHub.Handoff.Postal.IPostalSeedSource, DemoPostalCodes>();
        return builder;
    }
}
