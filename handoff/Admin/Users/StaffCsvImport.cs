using System.Globalization;
using System.Text;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Resources;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Admin.Users;

/// <summary>
/// Creates or updates staff accounts from CSV by staff id (the export's columns; <c>staff_id</c>, <c>display_name</c> and
/// <c>roles</c> required, <c>email</c>, <c>department_code</c> and, for new accounts, <c>password</c> optional; other
/// columns ignored). Every row is checked first; one bad row and nothing changes, and each error names its line. The
/// rows are then written in one transaction, audited like the same changes made on the form. New accounts must change
/// their password at the first sign-in; an empty password is generated and shown once.
/// </summary>
internal sealed class StaffCsvImport(
    StaffAccounts accounts, StaffAccountRules rules, UserManager<HubUser> users, HubDbContext db, IStringLocalizer<AdminUserStrings> strings)
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 5000;

    // Roles are written as the export writes them ('|'), or separated by spaces as people type them.
    private static readonly char[] RoleSeparators = ['|', ' ', '　'];

    private static readonly string[] RequiredColumns = ["staff_id", "display_name", "roles"];

    private sealed record Row(int Line, HubUser? Existing, StaffAccountInput Input, string? Password);

    public async Task<StaffImportResult> ImportAsync(StaffActor actor, byte[] content, CancellationToken cancellationToken)
    {
        var errors = new List<StaffImportError>();
        var rows = await ParseAsync(actor, content, errors, cancellationToken);
        if (errors.Count > 0)
            return new StaffImportResult(errors, 0, 0, []);

        // New accounts are hashed before the transaction (see StaffAccounts.PrepareAsync).
        var prepared = new Dictionary<int, PreparedAccount>();
        foreach (var row in rows.Where(r => r.Existing is null))
        {
            var (account, problems) = await accounts.PrepareAsync(row.Input, row.Password, cancellationToken);
            if (account is null)
                errors.AddRange(problems.Select(e => new StaffImportError(row.Line, e.Message)));
            else
                prepared[row.Line] = account;
        }

        if (errors.Count > 0)
            return new StaffImportResult(errors, 0, 0, []);

        var passwords = new List<StaffImportPassword>();
        var created = 0;
        var updated = 0;
        var outcome = await accounts.InTransactionAsync(actor, async log =>
        {
            passwords.Clear();
            created = updated = 0;
            foreach (var row in rows)
            {
                var before = log.Count;
                var result = row.Existing is { } user
                    ? await accounts.UpdateInAsync(actor, user, row.Input, log, cancellationToken)
                    : await accounts.CreateInAsync(prepared[row.Line], log);
                if (!result.Succeeded)
                {
                    errors.AddRange(result.Errors.Select(e => new StaffImportError(row.Line, e.Message)));
                    return result;
                }

                if (row.Existing is null)
                    created++;
                else if (log.Count > before)
                    updated++;
                if (result.GeneratedPassword is { } generated)
                    passwords.Add(new StaffImportPassword(row.Input.UserName!.Trim(), generated));
            }

            return StaffAccountResult.Done(Guid.Empty);
        }, cancellationToken);
        return outcome.Succeeded ? new StaffImportResult([], created, updated, passwords) : new StaffImportResult(errors, 0, 0, []);
    }

    private async Task<List<Row>> ParseAsync(StaffActor actor, byte[] content, List<StaffImportError> errors, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        if (content.Length == 0 || content.Length > MaxBytes)
        {
            errors.Add(new StaffImportError(0, strings["Import_Error_Size", MaxBytes / 1024 / 1024]));
            return rows;
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new StaffImportError(0, strings["Import_Error_Encoding"]));
            return rows;
        }

        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.Ordinal, cancellationToken);
        var labels = HubRoles.All.ToDictionary(r => strings["Role_" + r].Value, r => r, StringComparer.Ordinal);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = args => errors.Add(new StaffImportError(args.Context.Parser?.Row ?? 0, strings["Import_Error_BadCsv"])),
        };
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            errors.Add(new StaffImportError(1, strings["Import_Error_NoHeader"]));
            return rows;
        }

        var columns = header.Select((name, index) => (name: name.Trim(), index)).GroupBy(c => c.name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().index, StringComparer.Ordinal);
        foreach (var required in RequiredColumns.Where(c => !columns.ContainsKey(c)))
            errors.Add(new StaffImportError(1, strings["Import_Error_MissingColumn", required]));
        if (errors.Count > 0)
            return rows;

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (csv.Read())
        {
            var line = csv.Parser.Row;
            var record = csv.Parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
                continue;
            if (rows.Count >= MaxRows)
            {
                errors.Add(new StaffImportError(line, strings["Import_Error_TooManyRows", MaxRows]));
                break;
            }

            string? Cell(string column) => columns.TryGetValue(column, out var i) && i < record.Length ? Unguard(record[i]) : null;
            var userName = Cell("staff_id") ?? "";
            if (userName.Length > 0 && !seen.Add(userName))
                errors.Add(new StaffImportError(line, strings["Import_Error_Duplicate", userName]));

            var roles = new List<string>();
            foreach (var name in (Cell("roles") ?? "").Split(RoleSeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                roles.Add(labels.TryGetValue(name, out var code) ? code : name);
            }

            Guid? departmentId = null;
            if (Cell("department_code") is { Length: > 0 } code2)
            {
                if (departments.TryGetValue(code2, out var id))
                    departmentId = id;
                else
                    errors.Add(new StaffImportError(line, strings["Import_Error_DepartmentCode", code2]));
            }

            var existing = userName.Length > 0 ? await users.FindByNameAsync(userName) : null;
            var input = new StaffAccountInput(userName, Cell("display_name"), Cell("email"), roles, departmentId);
            var password = existing is null && Cell("password") is { Length: > 0 } typed ? typed : null;
            var check = await rules.CheckAsync(input, existing, existing is null ? password ?? StaffPasswordGenerator.Generate() : null, cancellationToken);
            errors.AddRange(check.Where(e => !(e.Field == "DepartmentId" && departmentId is null && Cell("department_code") is { Length: > 0 }))
                .Select(e => new StaffImportError(line, e.Message)));
            if (existing is not null && existing.Id == actor.Id && !roles.Contains(HubRoles.Administrator, StringComparer.Ordinal))
                errors.Add(new StaffImportError(line, strings["Error_RemoveOwnAdministrator"]));
            rows.Add(new Row(line, existing, input, password));
        }

        return rows;
    }

    // The export guards cells that start like a formula with an apostrophe; reading them back takes it off again.
    private static string? Unguard(string? value) =>
        value is { Length: > 1 } && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..].Trim() : value?.Trim();
}
