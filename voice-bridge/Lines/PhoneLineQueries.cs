using ConversationHub.Core.Persistence;
using ConversationHub.VoiceBridge.Persistence;
using ConversationHub.VoiceBridge.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.VoiceBridge.Lines;

/// <summary>
/// The lines, the lines forwarding now and the switch's audit list, with the switchers' display names read from the staff
/// accounts (names are personal data, encrypted there, and never copied into the voice tables).
/// </summary>
internal sealed class PhoneLineQueries(VoiceDbContext db, HubDbContext hub, IStringLocalizer<PhoneLineStrings> strings)
{
    public const int MaxLogEntries = 200;

    public async Task<IReadOnlyList<PhoneLineView>> ListAsync(CancellationToken cancellationToken)
    {
        var lines = await db.Lines.AsNoTracking().OrderBy(l => l.Number).ToListAsync(cancellationToken);
        var names = await NamesAsync(lines.Select(l => l.EmergencySwitchedBy), cancellationToken);
        return [.. lines.Select(l => View(l, names))];
    }

    public async Task<PhoneLineView?> FindAsync(string number, CancellationToken cancellationToken)
    {
        var line = await db.Lines.AsNoTracking().FirstOrDefaultAsync(l => l.Number == number, cancellationToken);
        return line is null ? null : View(line, await NamesAsync([line.EmergencySwitchedBy], cancellationToken));
    }

    public async Task<PhoneLineView> ViewAsync(VoiceLine line, CancellationToken cancellationToken) =>
        View(line, await NamesAsync([line.EmergencySwitchedBy], cancellationToken));

    public async Task<IReadOnlyList<EmergencyForwardView>> ForwardingAsync(CancellationToken cancellationToken)
    {
        var lines = await db.Lines.AsNoTracking().Where(l => l.Enabled && l.EmergencyOn).OrderBy(l => l.Number).ToListAsync(cancellationToken);
        var names = await NamesAsync(lines.Select(l => l.EmergencySwitchedBy), cancellationToken);
        return [.. lines.Select(l => new EmergencyForwardView(l.Number, l.Name, l.EmergencyForwardTo ?? "", Utc(l.EmergencySwitchedAtUtc), NameOf(l.EmergencySwitchedBy, names)))];
    }

    public async Task<IReadOnlyList<LineSwitchView>> SwitchLogAsync(int take, CancellationToken cancellationToken)
    {
        var entries = await db.LineSwitches.AsNoTracking().OrderByDescending(s => s.SwitchedAtUtc).ThenByDescending(s => s.Id)
            .Take(Math.Clamp(take, 1, MaxLogEntries)).ToListAsync(cancellationToken);
        var numbers = entries.Select(e => e.LineNumber).Distinct().ToList();
        var lineNames = await db.Lines.AsNoTracking().Where(l => numbers.Contains(l.Number)).ToDictionaryAsync(l => l.Number, l => l.Name, StringComparer.Ordinal, cancellationToken);
        var names = await NamesAsync(entries.Select(e => e.SwitchedBy), cancellationToken);
        return [.. entries.Select(e => new LineSwitchView(
            e.LineNumber, lineNames.GetValueOrDefault(e.LineNumber), e.On, e.ForwardTo, NameOf(e.SwitchedBy, names), Utc(e.SwitchedAtUtc)!.Value))];
    }

    private PhoneLineView View(VoiceLine l, Dictionary<Guid, string> names) => new(
        l.Number, l.Name, l.Enabled, l.Greeting, l.ServiceEndsOn, l.MaxQueueLength, l.MaxWaitSeconds, Calls.PhoneLines.LanguageTags(l.Languages),
        l.EmergencyForwardTo, l.EmergencyOn, l.EmergencySwitchedAtUtc is null ? null : NameOf(l.EmergencySwitchedBy, names), Utc(l.EmergencySwitchedAtUtc),
        Utc(l.UpdatedAtUtc)!.Value, l.Version);

    // Switched by configuration (no account) or by an account since removed: say which, never an empty name.
    private string NameOf(Guid? id, Dictionary<Guid, string> names) =>
        id is { } staff ? names.GetValueOrDefault(staff, staff.ToString()[..8]) : strings["Switch_BySetting"];

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await hub.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
