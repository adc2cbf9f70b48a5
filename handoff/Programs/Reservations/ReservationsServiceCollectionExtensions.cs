using ConversationHub.Core.Programs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// Registers the built-in reservation system as core's <see cref="IReservationSystem"/> (a city's external system
/// replaces that one registration), its administration, notices, ledger and reminders.
/// </summary>
internal static class ReservationsServiceCollectionExtensions
{
    public static IServiceCollection AddProgramReservations(this IServiceCollection services)
    {
        services.AddOptions<ReservationOptions>().BindConfiguration(ReservationOptions.SectionName)
            .Validate(o => o.CheckInterval > TimeSpan.Zero && o.LedgerAt >= TimeSpan.Zero && o.LedgerAt < TimeSpan.FromDays(1)
                && o.ReminderAt >= TimeSpan.Zero && o.ReminderAt < TimeSpan.FromDays(1)
                && o.NoticePollInterval > TimeSpan.Zero && o.NoticeFirstRetryDelay > TimeSpan.Zero && o.NoticeLease > TimeSpan.Zero && o.NoticeMaxAttempts >= 1,
                "Programs:Reservations needs times of day, positive intervals and at least one notice attempt.")
            .ValidateOnStart();
        services.AddScoped<ReservationBook>();
        services.AddScoped<ReservationNotices>();
        services.TryAddScoped<IReservationSystem, BuiltInReservationSystem>();
        services.AddScoped<ReservationAdministration>();
        services.AddScoped<ReservationSlotGenerator>();
        services.AddScoped<ReservationLedgerBuilder>();
        services.AddSingleton<ReservationLedgerRunner>();
        services.AddSingleton<ReservationReminderRunner>();
        services.AddHostedService<ReservationSweepService>();
        services.AddSingleton<ReservationNoticeOutbox>();
        services.AddHostedService<ReservationNoticeService>();
        services.AddScoped<ReservationSlotAdministration>();
        services.AddScoped<ReservationPlaceAdministration>();
        return services;
    }
}
