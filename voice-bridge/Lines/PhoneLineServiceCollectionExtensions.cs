using ConversationHub.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.VoiceBridge.Lines;

/// <summary>Registers the phone lines' storage, seed, per-node cache refresh and the administrators' use cases.</summary>
internal static class PhoneLineServiceCollectionExtensions
{
    internal static IServiceCollection AddPhoneLines(this IServiceCollection services)
    {
        // The cache itself (Calls.PhoneLines) is registered with the calls that read it.
        services.AddSingleton<IStartupSeeder, PhoneLinesSeeder>();
        services.AddSingleton<PhoneLinesSync>();
        services.AddHostedService(sp => sp.GetRequiredService<PhoneLinesSync>());
        services.AddScoped<PhoneLineValidator>();
        services.AddScoped<PhoneLineQueries>();
        services.AddScoped<CreatePhoneLine>();
        services.AddScoped<UpdatePhoneLine>();
        services.AddScoped<DeletePhoneLine>();
        services.AddScoped<SwitchEmergencyForward>();
        return services;
    }
}
