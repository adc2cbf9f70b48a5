using System.Globalization;
using System.Text.RegularExpressions;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.Faq;
using ConversationHub.Handoff.Admin.Users;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Programs.Administration;

/// <summary>
/// Defines and changes programs: every field is checked first (Japanese messages, one per field), and only a form with
/// no error is saved, under the version the administrator started from, so two administrators never overwrite each
/// other's edit. Each save is audited as <see cref="ProgramAuditActions.Created"/> or <see cref="ProgramAuditActions.Changed"/>.
/// </summary>
internal sealed partial class ProgramEditor(
    HandoffDbContext db, IOptions<BusinessCalendarOptions> city, IFaqLookup faqs, IAuditLog audit, TimeProvider time, IStringLocalizer<ProgramStrings> strings,
    Core.Events.IHubEvents events)
{
    private const int MaxPhoneNumbersLength = 500;
    private const int MaxFaqCategoryLength = 200;
    private const int MaxFaqIdsLength = 4000;
    private const int MaxFaqIdLength = 64;

    /// <summary>Creates a program (<paramref name="existing"/> null) or changes the one with that code.</summary>
    public async Task<ProgramSaveResult> SaveAsync(StaffActor actor, string? existing, ProgramForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        ProgramDefinition? program = null;
        if (existing is not null && (program = await db.Programs.FirstOrDefaultAsync(p => p.Code == existing, cancellationToken)) is null)
        {
            return Fail(nameof(ProgramForm.Code), strings["Error_NotFound"]);
        }

        if (program is not null && program.Version != form.Version)
        {
            return Fail(nameof(ProgramForm.Version), strings["Error_Conflict"]);
        }

        var errors = new List<ProgramFieldError>();
        var checkedForm = await CheckAsync(form, program, errors, cancellationToken);
        if (errors.Count > 0 || checkedForm is null)
        {
            return new ProgramSaveResult(null, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var created = program is null;
        var before = program is null ? null : ProgramForm.Of(program);
        program ??= new ProgramDefinition(checkedForm.Code, checkedForm.Name, checkedForm.StartsOn, checkedForm.ServiceEndsOn, checkedForm.DisposalOn, now);
        checkedForm.ApplyTo(program);
        program.ChangedAtUtc = now;
        if (created)
        {
            db.Programs.Add(program);
        }
        else
        {
            program.Version++;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Fail(nameof(ProgramForm.Version), strings["Error_Conflict"]);
        }
        catch (DbUpdateException) when (created)
        {
            // Another administrator took the code between the check and the insert (the unique index refused it).
            db.ChangeTracker.Clear();
            return Fail(nameof(ProgramForm.Code), strings["Error_CodeTaken", checkedForm.Code]);
        }

        var detail = before is null ? program.Name : string.Join(',', ChangedFields(before, ProgramForm.Of(program)));
        await audit.AppendAsync(
            new AuditRecord(created ? ProgramAuditActions.Created : ProgramAuditActions.Changed, actor.Id, actor.UserName, "program:" + program.Code, detail, actor.FromAddress),
            cancellationToken);
        // Every node's FAQ module re-reads which FAQs the program withholds (its dates or FAQ set may have changed).
        await events.PublishAsync(Core.Programs.IProgramFaqRules.ChangedTopic, program.Id.ToString(), cancellationToken);
        return new ProgramSaveResult(program, []);
    }

    private static ProgramSaveResult Fail(string field, string message) => new(null, [new ProgramFieldError(field, message)]);

    private async Task<CheckedProgram?> CheckAsync(ProgramForm form, ProgramDefinition? self, List<ProgramFieldError> errors, CancellationToken cancellationToken)
    {
        void Add(string field, string message) => errors.Add(new ProgramFieldError(field, message));
        var others = await db.Programs.AsNoTracking().Where(p => self == null || p.Id != self.Id).ToListAsync(cancellationToken);

        var code = self?.Code ?? form.Code?.Trim() ?? "";
        if (!CodePattern().IsMatch(code))
            Add(nameof(ProgramForm.Code), strings["Error_Code", ProgramDefinition.MaxCodeLength]);
        else if (others.Any(p => p.Code == code))
            Add(nameof(ProgramForm.Code), strings["Error_CodeTaken", code]);

        var name = form.Name?.Trim() ?? "";
        if (name.Length is 0 or > ProgramDefinition.MaxNameLength)
            Add(nameof(ProgramForm.Name), strings["Error_Name", ProgramDefinition.MaxNameLength]);

        var starts = Date(form.StartsOn, nameof(ProgramForm.StartsOn), errors);
        var ends = Date(form.ServiceEndsOn, nameof(ProgramForm.ServiceEndsOn), errors);
        var disposal = Date(form.DisposalOn, nameof(ProgramForm.DisposalOn), errors);
        if (starts is { } s && ends is { } e && e < s)
            Add(nameof(ProgramForm.ServiceEndsOn), strings["Error_EndBeforeStart"]);
        if (ends is { } end && disposal is { } d && d <= end)
            Add(nameof(ProgramForm.DisposalOn), strings["Error_DisposalNotAfterEnd"]);

        var hours = CheckHours(form, errors);
        var phones = CheckPhones(form.PhoneNumbers, others, errors);

        var keyword = string.IsNullOrWhiteSpace(form.LineKeyword) ? null : form.LineKeyword.Trim();
        if (keyword is { Length: > ProgramDirectory.MaxLineKeywordLength })
            Add(nameof(ProgramForm.LineKeyword), strings["Error_LineKeyword", ProgramDirectory.MaxLineKeywordLength]);
        else if (keyword is not null && others.FirstOrDefault(p => p.LineKeyword is { } k
                     && string.Equals(ProgramDirectory.Fold(k), ProgramDirectory.Fold(keyword), StringComparison.OrdinalIgnoreCase)) is { } holder)
            Add(nameof(ProgramForm.LineKeyword), strings["Error_LineKeywordTaken", keyword, holder.Name]);

        var category = string.IsNullOrWhiteSpace(form.FaqCategory) ? null : form.FaqCategory.Trim();
        if (category is { Length: > MaxFaqCategoryLength })
            Add(nameof(ProgramForm.FaqCategory), strings["Error_FaqCategory", MaxFaqCategoryLength]);
        var faqIds = Split(form.FaqIds);
        var faqText = faqIds.Count == 0 ? null : string.Join(',', faqIds);
        if (faqIds.Any(f => f.Length > MaxFaqIdLength) || faqText is { Length: > MaxFaqIdsLength })
            Add(nameof(ProgramForm.FaqIds), strings["Error_FaqIds", MaxFaqIdLength]);
        else if (await UnknownFaqsAsync(faqIds, self, cancellationToken) is { Count: > 0 } unknown)
            Add(nameof(ProgramForm.FaqIds), strings["Error_FaqIdsUnknown", string.Join("、", unknown)]);

        var languages = form.Languages.Distinct(StringComparer.Ordinal).ToList();
        if (languages.Any(l => !ProgramForm.OtherLanguages.Contains(l, StringComparer.Ordinal)))
            Add(nameof(ProgramForm.Languages), strings["Error_Languages"]);

        if (form.TeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, cancellationToken))
            Add(nameof(ProgramForm.TeamId), strings["Error_Team"]);

        var endMessage = form.EndMessage?.Trim() ?? "";
        if (endMessage.Length is 0 or > ProgramDefinition.MaxMessageLength)
            Add(nameof(ProgramForm.EndMessage), strings["Error_EndMessage", ProgramDefinition.MaxMessageLength]);
        var guidance = form.AfterEndGuidance?.Trim() ?? "";
        if (guidance.Length > ProgramDefinition.MaxMessageLength)
            Add(nameof(ProgramForm.AfterEndGuidance), strings["Error_Guidance", ProgramDefinition.MaxMessageLength]);

        if (errors.Count > 0 || starts is null || ends is null || disposal is null || hours is null)
            return null;
        return new CheckedProgram(
            code, name, starts.Value, ends.Value, disposal.Value, hours.ToJson(), string.Join(',', phones), keyword, category, faqText,
            form.KeepFaqsAfterEnd, string.Join(',', ProgramForm.OtherLanguages.Where(languages.Contains).Prepend("ja")), form.TeamId, endMessage, guidance);
    }

    private DateOnly? Date(string? text, string field, List<ProgramFieldError> errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), ProgramForm.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= JapanesePublicHolidays.MinYear and <= JapanesePublicHolidays.MaxYear)
            return date;
        errors.Add(new ProgramFieldError(field, strings["Error_Date_" + field, JapanesePublicHolidays.MinYear, JapanesePublicHolidays.MaxYear]));
        return null;
    }

    // The rules are the city calendar's own: BusinessCalendars.Validate names each failing setting, which is mapped
    // back to the weekday or monthly row it came from for a message in Japanese.
    private ProgramHours? CheckHours(ProgramForm form, List<ProgramFieldError> errors)
    {
        var hours = new ProgramHours();
        foreach (var day in ProgramForm.Week)
        {
            if (form.Weekly.TryGetValue(day, out var text) && !string.IsNullOrWhiteSpace(text))
                hours.Weekly[day] = text.Trim();
        }

        var rows = form.Monthly.Where(r => !r.IsBlank).ToList();
        hours.Monthly.AddRange(rows.Select(r => new RecurringExtraDayOptions { Week = r.Week, DayOfWeek = r.DayOfWeek, Hours = r.Hours?.Trim(), OpenOnHolidays = r.OpenOnHolidays }));
        var failures = BusinessCalendars.Validate(hours.ToCalendarOptions(city.Value));
        bool Failed(string key) => failures.Any(f => f.StartsWith(BusinessCalendarOptions.SectionName + ":" + key + " ", StringComparison.Ordinal)
            || f.StartsWith(BusinessCalendarOptions.SectionName + ":" + key + ":", StringComparison.Ordinal));
        var before = errors.Count;
        foreach (var day in hours.Weekly.Keys.Where(d => Failed("WeeklyHours:" + d)))
            errors.Add(new ProgramFieldError("Weekly_" + day, strings["Error_WeeklyHours", strings["Day_" + day]]));
        for (var i = 0; i < rows.Count; i++)
        {
            if (Failed("RecurringExtraDays:" + i.ToString(CultureInfo.InvariantCulture)))
                errors.Add(new ProgramFieldError("Monthly_" + form.Monthly.IndexOf(rows[i]).ToString(CultureInfo.InvariantCulture), strings["Error_MonthlyRule", form.Monthly.IndexOf(rows[i]) + 1]));
        }

        if (hours.Weekly.Count == 0 && rows.Count == 0)
            errors.Add(new ProgramFieldError("Weekly_" + DayOfWeek.Monday, strings["Error_NoHours"]));
        return errors.Count == before ? hours : null;
    }

    private List<string> CheckPhones(string? text, List<ProgramDefinition> others, List<ProgramFieldError> errors)
    {
        var numbers = Split(text);
        foreach (var number in numbers.Where(n => !E164().IsMatch(n)))
            errors.Add(new ProgramFieldError(nameof(ProgramForm.PhoneNumbers), strings["Error_Phone", number]));
        foreach (var number in numbers.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            errors.Add(new ProgramFieldError(nameof(ProgramForm.PhoneNumbers), strings["Error_PhoneRepeated", number]));
        foreach (var number in numbers)
        {
            if (others.FirstOrDefault(p => p.PhoneNumberList.Contains(number, StringComparer.Ordinal)) is { } holder)
                errors.Add(new ProgramFieldError(nameof(ProgramForm.PhoneNumbers), strings["Error_PhoneTaken", number, holder.Name]));
        }

        if (string.Join(',', numbers).Length > MaxPhoneNumbersLength)
            errors.Add(new ProgramFieldError(nameof(ProgramForm.PhoneNumbers), strings["Error_PhonesTooLong", MaxPhoneNumbersLength]));
        return numbers;
    }

    // An id added to the set must name an FAQ citizens can see now; ids the program already had are kept without a check,
    // so a program whose FAQs were hidden after its end of service can still be edited.
    private async Task<List<string>> UnknownFaqsAsync(List<string> faqIds, ProgramDefinition? self, CancellationToken cancellationToken)
    {
        var kept = Split(self?.FaqIds).ToHashSet(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var id in faqIds.Where(id => !kept.Contains(id)).Distinct(StringComparer.Ordinal))
        {
            if (await faqs.FindAsync(id, cancellationToken) is null)
                unknown.Add(id);
        }

        return unknown;
    }

    private static List<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split([',', '、', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static IEnumerable<string> ChangedFields(ProgramForm before, ProgramForm after)
    {
        static string Hours(ProgramForm form) =>
            string.Join(';', form.Weekly.OrderBy(p => p.Key).Select(p => p.Key + "=" + p.Value)) + "|" + string.Join(';', form.Monthly.Select(r => $"{r.Week} {r.DayOfWeek} {r.Hours} {r.OpenOnHolidays}"));
        (string Name, bool Changed)[] fields =
        [
            (nameof(ProgramForm.Name), before.Name != after.Name),
            (nameof(ProgramForm.StartsOn), before.StartsOn != after.StartsOn),
            (nameof(ProgramForm.ServiceEndsOn), before.ServiceEndsOn != after.ServiceEndsOn),
            (nameof(ProgramForm.DisposalOn), before.DisposalOn != after.DisposalOn),
            ("Hours", Hours(before) != Hours(after)),
            (nameof(ProgramForm.PhoneNumbers), before.PhoneNumbers != after.PhoneNumbers),
            (nameof(ProgramForm.LineKeyword), before.LineKeyword != after.LineKeyword),
            (nameof(ProgramForm.FaqCategory), before.FaqCategory != after.FaqCategory),
            (nameof(ProgramForm.FaqIds), before.FaqIds != after.FaqIds),
            (nameof(ProgramForm.KeepFaqsAfterEnd), before.KeepFaqsAfterEnd != after.KeepFaqsAfterEnd),
            (nameof(ProgramForm.Languages), !before.Languages.SequenceEqual(after.Languages)),
            (nameof(ProgramForm.TeamId), before.TeamId != after.TeamId),
            (nameof(ProgramForm.EndMessage), before.EndMessage != after.EndMessage),
            (nameof(ProgramForm.AfterEndGuidance), before.AfterEndGuidance != after.AfterEndGuidance),
        ];
        return fields.Where(f => f.Changed).Select(f => f.Name);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
