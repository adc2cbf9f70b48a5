using ConversationHub.Core.Calendar;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Programs;

/// <summary>
/// Reads programs and answers the questions every part of a program asks: which program is this, where does it stand
/// today (Japan time), and what are its hours. Scoped: it reads through the request's <see cref="HandoffDbContext"/>.
/// </summary>
internal sealed class ProgramCatalog(HandoffDbContext db, IOptions<BusinessCalendarOptions> city, TimeProvider time)
{
    public Task<List<ProgramDefinition>> ListAsync(CancellationToken cancellationToken) =>
        db.Programs.AsNoTracking().OrderBy(p => p.StartsOn).ThenBy(p => p.Code).ToListAsync(cancellationToken);

    public Task<ProgramDefinition?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<ProgramDefinition?> FindByCodeAsync(string code, CancellationToken cancellationToken) =>
        db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, cancellationToken);

    /// <summary>Today in Japan, by the registered clock (tests inject one to cross a program's end).</summary>
    public DateOnly TodayInJapan() => DateOnly.FromDateTime(JapanTime.ToJapan(time.GetUtcNow()).DateTime);

    /// <summary>Where <paramref name="program"/> stands today.</summary>
    public ProgramServiceState StateToday(ProgramDefinition program) => program.StateOn(TodayInJapan());

    /// <summary>The program's own calendar: its hours, the city's closures on top.</summary>
    public IBusinessCalendar CalendarOf(ProgramDefinition program) =>
        BusinessCalendars.Create(ProgramHours.Parse(program.HoursJson).ToCalendarOptions(city.Value), time);
}
