using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Calendar;

/// <summary>Registration of the business calendar.</summary>
public static class CalendarServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBusinessCalendar"/> as a singleton, binds <see cref="BusinessCalendarOptions"/> from the
    /// <c>Calendar</c> section (defaults apply when it is absent) with validation at start-up, and adds
    /// <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is already registered.
    /// </summary>
    public static IServiceCollection AddBusinessCalendar(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BusinessCalendarOptions>()
            .BindConfiguration(BusinessCalendarOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<BusinessCalendarOptions>, BusinessCalendarOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBusinessCalendar, BusinessCalendar>();
        return services;
    }
}
