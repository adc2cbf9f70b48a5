using System.Globalization;
using System.Text.Json.Nodes;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// Reads cases for the console: the list (search on any field, filters, sort on every column, pages), the dashboard,
/// one case with its timeline, history, replies and possible duplicates. Only what the actor may see is read. Personal
/// fields are encrypted, so free-text search and sorting on them happen after decryption, on the rows the SQL filters
/// (access, status, category, department, dates, assignee) leave.
/// </summary>
internal sealed partial class CaseQueries(HandoffDbContext db, HubDbContext hub, CaseCallbacks callbacks, IStringLocalizer<HandoffStrings> strings, TimeProvider time)
{
    public const int MaxPageSize = 200;

    public async Task<CaseListPage> ListAsync(CaseActor actor, CaseListQuery query, CancellationToken cancellationToken)
    {
        var (sort, desc) = SortOf(query);
        var size = Math.Clamp(query.PageSize ?? 50, 1, MaxPageSize);
        var page = Math.Max(1, query.Page ?? 1);
        var selection = await SelectAsync(actor, query, cancellationToken);
        if (selection.Text is null && SqlOrders.TryGetValue(sort, out var order))
        {
            // Nothing to match or sort in clear text: the database counts and pages, and only the page is decrypted.
            var total = await selection.Cases.CountAsync(cancellationToken);
            var ordered = order(selection.Cases, desc);
            ordered = desc ? ordered.ThenByDescending(c => c.Number) : ordered.ThenBy(c => c.Number);
            var rows = await MaterializeAsync(ordered.Skip((page - 1) * size).Take(size), selection, cancellationToken);
            return new CaseListPage(rows, total, page, size, sort, desc);
        }

        var all = await SortedAsync(actor, query, cancellationToken);
        return new CaseListPage(all.Skip((page - 1) * size).Take(size).ToList(), all.Count, page, size, sort, desc);
    }

    /// <summary>Every matching row in the query's order (the list pages it, the export writes it all).</summary>
    public async Task<List<CaseListRow>> SortedAsync(CaseActor actor, CaseListQuery query, CancellationToken cancellationToken)
    {
        var (sort, desc) = SortOf(query);
        var rows = await RowsAsync(actor, query, cancellationToken);
        var comparer = Comparer<object?>.Create(CompareValues);
        var sorted = desc ? rows.OrderByDescending(Sorters[sort], comparer) : rows.OrderBy(Sorters[sort], comparer);
        return sorted.ThenByDescending(r => r.Number, StringComparer.Ordinal).ToList();
    }

    private static (string Sort, bool Desc) SortOf(CaseListQuery query)
    {
        var sort = query.Sort is { Length: > 0 } s && Sorters.ContainsKey(s) ? s : "createdAt";
        return (sort, query.Desc ?? sort is "createdAt" or "updatedAt" or "number");
    }

    /// <summary>Every row the query matches, unpaged and unsorted (the export uses it).</summary>
    public async Task<List<CaseListRow>> RowsAsync(CaseActor actor, CaseListQuery query, CancellationToken cancellationToken)
    {
        var selection = await SelectAsync(actor, query, cancellationToken);
        return await MaterializeAsync(selection.Cases, selection, cancellationToken);
    }

    /// <summary>The cases SQL can select, and the free text left to match after decryption (null: none).</summary>
    private sealed record Selection(IQueryable<CaseRecord> Cases, string? Text, CaseCatalogSnapshot Catalog);

    private async Task<Selection> SelectAsync(CaseActor actor, CaseListQuery query, CancellationToken cancellationToken)
    {
        var catalog = await CaseCatalogSnapshot.LoadAsync(db, cancellationToken);
        var cases = actor.Visible(db.Cases.AsNoTracking());
        if (query.Status is { Count: > 0 } statuses)
        {
            cases = cases.Where(c => statuses.Contains(c.Status));
        }

        if (query.CategoryId is { } categoryId)
        {
            var ids = catalog.WithDescendants(categoryId).Select(id => (Guid?)id).ToList();
            cases = cases.Where(c => ids.Contains(c.CategoryId));
        }

        if (query.DepartmentId is { } departmentId)
        {
            cases = cases.Where(c => c.DepartmentId == departmentId);
        }

        if (query.AssigneeId is { } assigneeId)
        {
            cases = cases.Where(c => c.AssigneeId == assigneeId);
        }

        if (query.Awaiting is { } awaiting)
        {
            cases = cases.Where(c => c.AwaitingSide == awaiting);
        }

        if (query.From is { } from)
        {
            var start = JapanTime.At(from, TimeOnly.MinValue).UtcDateTime;
            cases = cases.Where(c => c.CreatedAtUtc >= start);
        }

        if (query.To is { } to)
        {
            var end = JapanTime.At(to.AddDays(1), TimeOnly.MinValue).UtcDateTime;
            cases = cases.Where(c => c.CreatedAtUtc < end);
        }

        var q = query.Q?.Trim();
        if (string.IsNullOrEmpty(q))
        {
            return new Selection(cases, null, catalog);
        }

        // A case number, a whole e-mail address or a whole phone number is found by SQL (the number, or the contact's
        // keyed hash); anything else is matched on the decrypted fields.
        if (q.StartsWith("C-", StringComparison.OrdinalIgnoreCase))
        {
            var number = q.ToUpperInvariant();
            return new Selection(number.Length == 13 ? cases.Where(c => c.Number == number) : cases.Where(c => c.Number.StartsWith(number)), null, catalog);
        }

        if (CaseValidator.IsMailAddress(q))
        {
            var hash = CaseContact.EmailHash(q, db.Pii);
            return new Selection(cases.Where(c => c.EmailHash == hash), null, catalog);
        }

        var digits = CaseContact.Digits(q);
        if (digits.Length is 10 or 11 && digits[0] == '0' && PhoneQuery().IsMatch(q))
        {
            var hash = db.Pii.ComputeLookupHash(digits, "handoff_cases.PhoneHash");
            return new Selection(cases.Where(c => c.PhoneHash == hash), null, catalog);
        }

        return new Selection(cases, q, catalog);
    }

    private async Task<List<CaseListRow>> MaterializeAsync(IQueryable<CaseRecord> cases, Selection selection, CancellationToken cancellationToken)
    {
        var q = selection.Text;
        var catalog = selection.Catalog;
        var names = await StaffNamesAsync(cancellationToken);
        var departments = await DepartmentNamesAsync(cancellationToken);
        var loaded = await cases.Select(c => new
        {
            c.Id, c.Number, c.Status, c.Channel, c.CreatedAtUtc, c.UpdatedAtUtc, c.CategoryId, c.InquiryType, c.Subject, c.ContactName, c.DepartmentId,
            c.AssigneeId, c.AssigneeTeam, c.AwaitingSide,
            Searchable = q == null ? null : new[] { c.Description, c.ContactKana, c.ContactPhone, c.ContactEmail, c.PostalCode, c.Address, c.CustomFieldsJson },
        }).ToListAsync(cancellationToken);

        var folded = q is null ? null : CaseContact.Fold(q);
        var digits = q is null ? "" : CaseContact.Digits(q);
        var result = new List<CaseListRow>(loaded.Count);
        foreach (var c in loaded)
        {
            var row = new CaseListRow(c.Id, c.Number, c.Status, strings["CaseStatus_" + c.Status], c.Channel, strings["CaseChannel_" + c.Channel], c.CreatedAtUtc, c.UpdatedAtUtc,
                catalog.CategoryPath(c.CategoryId), c.InquiryType is null ? null : catalog.OptionLabel(CaseOptionKind.InquiryType, c.InquiryType), c.Subject, c.ContactName,
                c.DepartmentId, c.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null, c.AssigneeId, c.AssigneeId is { } a ? names.GetValueOrDefault(a) : null,
                c.AssigneeTeam, c.AwaitingSide);
            if (folded is not null)
            {
                IEnumerable<string?> haystack = [row.Number, row.Subject, row.ContactName, row.Category, row.InquiryType, row.Department, row.Assignee, row.AssigneeTeam, row.StatusLabel, .. c.Searchable!];
                var hit = haystack.Any(h => h is not null && CaseContact.Fold(h).Contains(folded, StringComparison.Ordinal))
                    || (digits.Length >= 4 && digits.Length == q!.Count(char.IsDigit) && haystack.Any(h => h is not null && CaseContact.Digits(h).Contains(digits, StringComparison.Ordinal)));
                if (!hit)
                {
                    continue;
                }
            }

            result.Add(row);
        }

        return result;
    }

    // The workflow's order of statuses (they are stored by name).
    private static readonly System.Linq.Expressions.Expression<Func<CaseRecord, int>> StatusOrder = c =>
        c.Status == CaseStatus.New ? 0 : c.Status == CaseStatus.InProgress ? 1 : c.Status == CaseStatus.Escalated ? 2
        : c.Status == CaseStatus.AwaitingApproval ? 3 : c.Status == CaseStatus.Answered ? 4 : 5;

    // The columns the database can order by: no personal data, no labels.
    private static readonly Dictionary<string, Func<IQueryable<CaseRecord>, bool, IOrderedQueryable<CaseRecord>>> SqlOrders = new(StringComparer.Ordinal)
    {
        ["number"] = (cases, desc) => desc ? cases.OrderByDescending(c => c.Number) : cases.OrderBy(c => c.Number),
        ["createdAt"] = (cases, desc) => desc ? cases.OrderByDescending(c => c.CreatedAtUtc) : cases.OrderBy(c => c.CreatedAtUtc),
        ["updatedAt"] = (cases, desc) => desc ? cases.OrderByDescending(c => c.UpdatedAtUtc) : cases.OrderBy(c => c.UpdatedAtUtc),
        ["status"] = (cases, desc) => desc ? cases.OrderByDescending(StatusOrder) : cases.OrderBy(StatusOrder),
    };

    public async Task<CaseDashboard> DashboardAsync(CaseActor actor, CancellationToken cancellationToken)
    {
        var catalog = await CaseCatalogSnapshot.LoadAsync(db, cancellationToken);
        var departments = await DepartmentNamesAsync(cancellationToken);
        var cases = await actor.Visible(db.Cases.AsNoTracking())
            .Select(c => new { c.Status, c.CategoryId, c.DepartmentId, c.CreatedAtUtc }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var open = cases.Where(c => c.Status.IsOpen()).ToList();
        var byStatus = Enum.GetValues<CaseStatus>().Select(s => new CaseCount(s.ToString(), strings["CaseStatus_" + s], cases.Count(c => c.Status == s))).ToList();
        var byCategory = open.GroupBy(c => TopCategory(catalog, c.CategoryId))
            .Select(g => new CaseCount(g.Key?.ToString() ?? "", g.Key is { } id ? catalog.CategoryPath(id) ?? "" : strings["Cases_None"], g.Count()))
            .OrderByDescending(c => c.Count).ToList();
        var byDepartment = open.Where(c => c.DepartmentId is not null).GroupBy(c => c.DepartmentId!.Value)
            .Select(g => new CaseCount(g.Key.ToString(), departments.GetValueOrDefault(g.Key) ?? g.Key.ToString(), g.Count()))
            .OrderByDescending(c => c.Count).ToList();
        (string Key, double MaxDays)[] buckets = [("1d", 1), ("3d", 3), ("7d", 7), ("30d", 30), ("older", double.MaxValue)];
        var byAge = buckets.Select((b, i) => new CaseCount(b.Key, strings["Cases_Age_" + b.Key], open.Count(c =>
        {
            var days = (now - c.CreatedAtUtc).TotalDays;
            return days < b.MaxDays && (i == 0 || days >= buckets[i - 1].MaxDays);
        }))).ToList();
        return new CaseDashboard(cases.Count, open.Count, byStatus, byCategory, byDepartment, byAge);
    }

    public async Task<CaseView?> GetAsync(CaseActor actor, Guid id, CancellationToken cancellationToken)
    {
        // Every change of a case's timeline, history or replies also bumps its version: reading the version again after
        // them tells whether they belong together, so the page never shows a new entry beside an old status.
        CaseRecord? record = null;
        List<CaseEntry> entries = [];
        List<CaseHistoryEntry> history = [];
        List<CaseReply> replies = [];
        for (var attempt = 0; attempt < 3; attempt++)
        {
            record = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (record is null || !actor.CanSee(record))
            {
                return null;
            }

            entries = await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(cancellationToken);
            history = await db.CaseHistory.AsNoTracking().Where(h => h.CaseId == id).OrderBy(h => h.Id).ToListAsync(cancellationToken);
            replies = await db.CaseReplies.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.SubmittedAtUtc).ToListAsync(cancellationToken);
            var version = record.Version;
            if (await db.Cases.Where(c => c.Id == id).Select(c => c.Version).FirstOrDefaultAsync(cancellationToken) == version)
            {
                break;
            }
        }

        ArgumentNullException.ThrowIfNull(record);
        var catalog = await CaseCatalogSnapshot.LoadAsync(db, cancellationToken);
        var names = await StaffNamesAsync(cancellationToken);
        var departments = await DepartmentNamesAsync(cancellationToken);
        var mailStates = await MailStatesAsync(entries.Where(e => e.Kind == CaseEntryKind.OutboundMail && e.MailId is not null).Select(e => e.MailId!.Value).ToList(), cancellationToken);
        string? Name(Guid? user) => user is { } u ? names.GetValueOrDefault(u) : null;

        var works = actor.CanWork(record);
        var can = new CasePermissions(
            Edit: works,
            Escalate: works && actor.DepartmentId is null && record.Status is not (CaseStatus.AwaitingApproval or CaseStatus.Completed),
            MessageDepartment: works && actor.DepartmentId is null && record.Status == CaseStatus.Escalated,
            DepartmentSteps: works && actor.IsDepartmentSide && record.Status == CaseStatus.Escalated,
            Reply: works && record.Status is not (CaseStatus.AwaitingApproval or CaseStatus.Completed),
            SetStatus: works);
        return new CaseView(
            record.Id, record.Number, record.Version, record.Status, strings["CaseStatus_" + record.Status], record.Channel, strings["CaseChannel_" + record.Channel],
            record.ConversationId, record.SourceFaqId, record.CreatedById, Name(record.CreatedById), record.CreatedAtUtc, record.UpdatedAtUtc, record.CategoryId,
            catalog.CategoryPath(record.CategoryId), record.InquiryType, Split(record.Flags), record.Subject, record.Description, record.ContactName, record.ContactKana,
            record.ContactPhone, record.ContactEmail, record.PostalCode, record.Address,
            record.CustomFieldsJson is { } json ? JsonNode.Parse(json) as JsonObject ?? [] : [],
            record.DepartmentId, record.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null, Split(record.EscalationReasons), record.AssigneeId, Name(record.AssigneeId),
            record.AssigneeTeam, record.AwaitingSide, record.CompletedAtUtc,
            entries.Select(e => new CaseEntryView(e.Id, e.Kind, strings["CaseEntry_" + e.Kind], e.AuthorId, Name(e.AuthorId), e.Subject, e.Text, e.MailId,
                e.MailId is { } m && mailStates.TryGetValue(m, out var state) ? state : null, e.Warning, e.AtUtc)).ToList(),
            history.Select(h => new CaseHistoryView(h.Id, h.Action, strings["CaseAction_" + h.Action], h.Field, h.Field is null ? null : strings["CaseField_" + h.Field].Value,
                Readable(h.Field, h.Before, catalog, names, departments), Readable(h.Field, h.After, catalog, names, departments), h.ActorId, Name(h.ActorId), h.AtUtc)).ToList(),
            replies.Select(r => new CaseReplyView(r.Id, r.State, strings["CaseReply_" + r.State], r.To, r.Subject, r.Body, r.AuthorId, Name(r.AuthorId), r.DepartmentId,
                r.SubmittedAtUtc, r.DecidedById, Name(r.DecidedById), r.DecidedAtUtc, r.RejectionReason, r.OutboxId,
                r.State == CaseReplyState.Submitted && actor.CanApprove(r))).ToList(),
            await DuplicatesAsync(actor, record.Id, record.NameHash, record.PhoneHash, record.EmailHash, record.AddressHash, cancellationToken),
            can)
        {
            Callback = await callbacks.ViewAsync(actor, record, cancellationToken),
        };
    }

    /// <summary>Earlier cases with the same name, phone, e-mail or address (by keyed hash), newest first.</summary>
    public async Task<IReadOnlyList<CaseDuplicate>> DuplicatesAsync(
        CaseActor actor, Guid? self, string? nameHash, string? phoneHash, string? emailHash, string? addressHash, CancellationToken cancellationToken)
    {
        if (nameHash is null && phoneHash is null && emailHash is null && addressHash is null)
        {
            return [];
        }

        var matches = await actor.Visible(db.Cases.AsNoTracking())
            .Where(c => c.Id != self && ((nameHash != null && c.NameHash == nameHash) || (phoneHash != null && c.PhoneHash == phoneHash)
                || (emailHash != null && c.EmailHash == emailHash) || (addressHash != null && c.AddressHash == addressHash)))
            .OrderByDescending(c => c.CreatedAtUtc).Take(20)
            .Select(c => new { c.Id, c.Number, c.Status, c.CreatedAtUtc, c.Subject, c.NameHash, c.PhoneHash, c.EmailHash, c.AddressHash })
            .ToListAsync(cancellationToken);
        return matches.Select(m => new CaseDuplicate(m.Id, m.Number, m.Status, strings["CaseStatus_" + m.Status], m.CreatedAtUtc, m.Subject,
        [
            .. m.NameHash == nameHash && nameHash is not null ? [strings["CaseField_contactName"].Value] : Array.Empty<string>(),
            .. m.PhoneHash == phoneHash && phoneHash is not null ? [strings["CaseField_contactPhone"].Value] : Array.Empty<string>(),
            .. m.EmailHash == emailHash && emailHash is not null ? [strings["CaseField_contactEmail"].Value] : Array.Empty<string>(),
            .. m.AddressHash == addressHash && addressHash is not null ? [strings["CaseField_address"].Value] : Array.Empty<string>(),
        ])).ToList();
    }

    /// <summary>Duplicates of contact details being typed (before the case exists).</summary>
    public Task<IReadOnlyList<CaseDuplicate>> DuplicatesOfAsync(CaseActor actor, string? name, string? phone, string? email, string? address, CancellationToken cancellationToken)
    {
        var probe = new CaseRecord(0, 0, CaseChannel.Manual, null, DateTime.UnixEpoch)
        {
            ContactName = CaseContact.NormalizeText(name),
            ContactPhone = CaseContact.NormalizeText(phone),
            ContactEmail = CaseContact.NormalizeText(email),
            Address = CaseContact.NormalizeText(address),
        };
        CaseContact.Rehash(probe, db.Pii);
        return DuplicatesAsync(actor, null, probe.NameHash, probe.PhoneHash, probe.EmailHash, probe.AddressHash, cancellationToken);
    }

    /// <summary>Staff display names by id (decrypted).</summary>
    public async Task<Dictionary<Guid, string>> StaffNamesAsync(CancellationToken cancellationToken) =>
        (await hub.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(cancellationToken))
        .ToDictionary(u => u.Id, u => u.DisplayName is { Length: > 0 } n ? n : u.UserName ?? u.Id.ToString());

    /// <summary>Department names by id.</summary>
    public async Task<Dictionary<Guid, string>> DepartmentNamesAsync(CancellationToken cancellationToken) =>
        await hub.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);

    /// <summary>Where each reply's mail stands in the outbox (送信待ち, 送信済み, 送信失敗).</summary>
    private async Task<Dictionary<Guid, string>> MailStatesAsync(List<Guid> outboxIds, CancellationToken cancellationToken) =>
        outboxIds.Count == 0
            ? []
            : (await db.MailOutbox.AsNoTracking().Where(m => outboxIds.Contains(m.Id)).Select(m => new { m.Id, m.State }).ToListAsync(cancellationToken))
                .ToDictionary(m => m.Id, m => strings["MailState_" + m.State].Value);

    private static Guid? TopCategory(CaseCatalogSnapshot catalog, Guid? id)
    {
        var seen = new HashSet<Guid>();
        while (id is { } current && seen.Add(current) && catalog.Categories.FirstOrDefault(c => c.Id == current) is { } category)
        {
            if (category.ParentId is null)
            {
                return category.Id;
            }

            id = category.ParentId;
        }

        return null;
    }

    private static string[] Split(string codes) => codes.Length == 0 ? [] : codes.Split(',');

    private static string? Readable(string? field, string? value, CaseCatalogSnapshot catalog, Dictionary<Guid, string> names, Dictionary<Guid, string> departments) =>
        (field, value) switch
        {
            (_, null) => null,
            ("categoryId", _) when Guid.TryParse(value, out var id) => catalog.CategoryPath(id) ?? value,
            ("departmentId", _) when Guid.TryParse(value, out var id) => departments.GetValueOrDefault(id) ?? value,
            ("assigneeId" or "redialById", _) when Guid.TryParse(value, out var id) => names.GetValueOrDefault(id) ?? value,
            _ => value,
        };

    /// <summary>The columns the list sorts on.</summary>
    public static IEnumerable<string> SortColumns => Sorters.Keys;

    private static readonly Dictionary<string, Func<CaseListRow, object?>> Sorters = new(StringComparer.Ordinal)
    {
        ["number"] = r => r.Number,
        ["status"] = r => (int)r.Status,
        ["channel"] = r => r.ChannelLabel,
        ["createdAt"] = r => r.CreatedAtUtc,
        ["updatedAt"] = r => r.UpdatedAtUtc,
        ["category"] = r => r.Category,
        ["inquiryType"] = r => r.InquiryType,
        ["subject"] = r => r.Subject,
        ["contactName"] = r => r.ContactName,
        ["department"] = r => r.Department,
        ["assignee"] = r => r.Assignee,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9０-９\-－‐ー()（）\s]+$")]
    private static partial System.Text.RegularExpressions.Regex PhoneQuery();

    private static readonly CompareInfo JapaneseOrder = CultureInfo.GetCultureInfo("ja-JP").CompareInfo;

    // Empty values sort last in ascending order; text compares by the Japanese culture's rules.
    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        (string x, string y) => JapaneseOrder.Compare(x, y, CompareOptions.IgnoreWidth | CompareOptions.IgnoreKanaType),
        (IComparable x, _) => x.CompareTo(b),
        _ => 0,
    };
}
