using ConversationHub.Core.Calendar;
using ConversationHub.Core.Programs;

namespace ConversationHub.Handoff.Programs;

/// <summary>
/// The handoff module's <see cref="IProgramFaqRules"/>: each program with FAQ ids, withheld from midnight (Japan time)
/// after its last day of service unless it keeps its FAQs. Read on demand, so an extended service brings them back.
/// </summary>
internal sealed class ProgramFaqRules(ProgramCatalog catalog) : IProgramFaqRules
{
    public async Task<IReadOnlyList<ProgramFaqRule>> ListAsync(CancellationToken cancellationToken)
    {
        var programs = await catalog.ListAsync(cancellationToken);
        return [.. programs
            .Select(p => (Program: p, Refs: Split(p.FaqIds)))
            .Where(p => p.Refs.Length > 0)
            .Select(p => new ProgramFaqRule(p.Program.Id, p.Program.Name, p.Refs, p.Program.KeepFaqsAfterEnd ? null : WithheldFrom(p.Program.ServiceEndsOn)))];
    }

    /// <summary>The first instant after <paramref name="lastDay"/> in Japan, in UTC.</summary>
    internal static DateTime WithheldFrom(DateOnly lastDay) => JapanTime.At(lastDay.AddDays(1), TimeOnly.MinValue).UtcDateTime;

    private static string[] Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
