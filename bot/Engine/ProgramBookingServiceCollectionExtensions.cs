using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Bot.Engine;

/// <summary>Registers the citizens' booking dialogue (<see cref="ProgramBooking"/>); the reservation system is core's contract, registered by whichever module provides one.</summary>
internal static class ProgramBookingServiceCollectionExtensions
{
    public static IServiceCollection AddProgramBooking(this IServiceCollection services)
    {
        services.AddScoped<BookingPrompts>();
        services.AddScoped<ProgramBooking>();
        services.AddScoped<ProgramBookingChange>();
        return services;
    }
}
