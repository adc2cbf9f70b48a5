using ConversationHub.Core.Programs;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Handoff.Programs.Disposal;

/// <summary>Registration of programs' data disposal.</summary>
internal static class ProgramDisposalServiceCollectionExtensions
{
    public static IServiceCollection AddProgramDisposal(this IServiceCollection services)
    {
        services.AddOptions<ProgramDisposalOptions>().BindConfiguration(ProgramDisposalOptions.SectionName)
            .Validate(o => o.CheckInterval > TimeSpan.Zero, "Programs:Disposal:CheckInterval must be positive.").ValidateOnStart();
        services.AddScoped<ProgramDisposal>();
        services.AddScoped<IProgramDataPart, CaseProgramData>();
        services.AddScoped<IProgramDataPart, ChatNoteProgramData>();
        services.AddScoped<IProgramDataPart, Reservations.ReservationProgramData>();
        services.AddScoped<IProgramDataPart, Forms.ProgramFormProgramData>();
        services.AddHostedService<DisposeDueProgramsService>();
        return services;
    }
}
