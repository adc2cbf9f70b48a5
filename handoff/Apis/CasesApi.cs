using System.Globalization;
using System.Security.Claims;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Mail;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Apis;

/// <summary>
/// The cases' JSON API, which the case console and integrations use. Reading and working a case needs a case role
/// (operators and supervisors: every case; department staff and a department's approvers: their department's); making
/// cases and escalating is the center's; approving needs the Approver role and is checked per reply; the lists are the
/// administrators'. A refused command changes nothing.
/// </summary>
internal static class CasesApi
{
    private static readonly string[] CaseRoles = [HubRoles.Operator, HubRoles.Supervisor, HubRoles.DepartmentStaff, HubRoles.Approver];

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(policy => policy.RequireRole(CaseRoles));
        cases.MapGet("/", ListAsync).WithName("ListCases").WithSummary("Cases the caller may see: q (any field), status (comma list), categoryId, departmentId, assigneeId, awaiting (center, department, approver), from, to (JST dates), sort, desc, page, pageSize.");
        cases.MapGet("/dashboard", DashboardAsync).WithName("CaseDashboard").WithSummary("Counts by status, category, department and age of open cases.");
        cases.MapGet("/export", ExportAsync).WithName("ExportCases").WithSummary("The list's rows as CSV: encoding=utf8 (with BOM, default) or sjis; same filters and rights as the list.");
        cases.MapGet("/catalog", CatalogAsync).WithName("CaseCatalog").WithSummary("Categories, options, custom fields and reply templates.");
        cases.MapPost("/duplicates", DuplicatesAsync).WithName("FindCaseDuplicates").WithSummary("Earlier cases with the same name, phone, e-mail or address.");
        cases.MapGet("/{id:guid}", GetAsync).WithName("GetCase");
        cases.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateCase").WithSummary("Writes every field; version must be the one read (409 otherwise).");
        cases.MapPost("/{id:guid}/status", SetStatusAsync).WithName("SetCaseStatus").WithSummary("InProgress (start, reopen) or Completed.");
        cases.MapPost("/{id:guid}/assign", AssignAsync).WithName("AssignCase");
        cases.MapPost("/{id:guid}/notes", AddNoteAsync).WithName("AddCaseNote");
        cases.MapPost("/{id:guid}/replies", SubmitReplyAsync).WithName("SubmitCaseReply").WithSummary("A reply to the citizen, submitted for approval.");
        cases.MapPost("/{id:guid}/replies/{replyId:guid}/approve", ApproveAsync).WithName("ApproveCaseReply").RequireAuthorization(p => p.RequireRole(HubRoles.Approver));
        cases.MapPost("/{id:guid}/replies/{replyId:guid}/reject", RejectAsync).WithName("RejectCaseReply").RequireAuthorization(p => p.RequireRole(HubRoles.Approver));
        cases.MapGet("/{id:guid}/mails/{inboxId:guid}/attachments/{index:int}", AttachmentAsync).WithName("GetCaseMailAttachment")
            .WithSummary("An attachment of a mail on the case, as the citizen sent it.");
        cases.MapGet("/{id:guid}/templates/{templateId:guid}", FillTemplateAsync).WithName("FillReplyTemplate").WithSummary("A reply template with {number}, {name} and {city} filled in.");
        cases.MapPost("/{id:guid}/info-request", (Guid id, TextBody body, ClaimsPrincipal user, CaseActors actors, CaseWorkflow workflow, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct) =>
            RunAsync(user, actors, queries, strings, actor => workflow.RequestInfoAsync(actor, id, body.Text, ct), ct)).WithName("RequestCaseInfo");
        cases.MapPost("/{id:guid}/hand-back", (Guid id, TextBody body, ClaimsPrincipal user, CaseActors actors, CaseWorkflow workflow, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct) =>
            RunAsync(user, actors, queries, strings, actor => workflow.HandBackAsync(actor, id, body.Text, ct), ct)).WithName("HandBackCase");

        var center = endpoints.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(policy => policy.RequireRole(HubRoles.Operator, HubRoles.Supervisor));
        center.MapPost("/", CreateAsync).WithName("CreateCase").WithSummary("A case typed in by staff (channel Manual or Voice).");
        center.MapPost("/from-chat/{conversationId:guid}", CreateFromChatAsync).WithName("CreateCaseFromChat").WithSummary("「案件化」: the chat's transcript becomes the first entry.");
        center.MapPost("/{id:guid}/escalate", EscalateAsync).WithName("EscalateCase");
        center.MapPost("/{id:guid}/department-message", (Guid id, TextBody body, ClaimsPrincipal user, CaseActors actors, CaseWorkflow workflow, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct) =>
            RunAsync(user, actors, queries, strings, actor => workflow.MessageDepartmentAsync(actor, id, body.Text, ct), ct)).WithName("MessageCaseDepartment");
        center.MapPost("/{id:guid}/callback", DialAsync).WithName("DialCaseCallback")
            .WithSummary("「折り返し電話（架電）」: calls the case's phone number and puts the citizen through to the caller's own phone; 409 while someone dials (発信中) or when the phone is off.");
        center.MapPut("/{id:guid}/redial", ReserveRedialAsync).WithName("ReserveCaseRedial")
            .WithSummary("The re-dial reservation (再架電予約): dueAt (ISO 8601 with offset), byId (default: the caller), note.");
        center.MapDelete("/{id:guid}/redial", ClearRedialAsync).WithName("ClearCaseRedial");
        center.MapGet("/redials", RedialsAsync).WithName("ListCaseRedials").WithSummary("Open cases with a re-dial reservation, the earliest due first (overdue flagged).");

        var admin = endpoints.MapGroup("/api/cases/catalog").WithTags("Cases").RequireAuthorization(policy => policy.RequireRole(HubRoles.Administrator));
        admin.MapPost("/categories", (CaseCategoryInput input, CaseCatalogAdmin catalog, CancellationToken ct) => SaveAsync(catalog.SaveCategoryAsync(null, input, ct)));
        admin.MapPut("/categories/{id:guid}", (Guid id, CaseCategoryInput input, CaseCatalogAdmin catalog, CancellationToken ct) => SaveAsync(catalog.SaveCategoryAsync(id, input, ct)));
        admin.MapPut("/options/{kind}/{code}", (CaseOptionKind kind, string code, CaseOptionInput input, CaseCatalogAdmin catalog, CancellationToken ct) => SaveAsync(catalog.SaveOptionAsync(kind, code, input, ct)));
        admin.MapPost("/fields", (CaseFieldInput input, CaseCatalogAdmin catalog, CancellationToken ct) => SaveAsync(catalog.SaveFieldAsync(null, input, ct)));
        admin.MapPut("/fields/{id:guid}", (Guid id, CaseFieldInput input, CaseCatalogAdmin catalog, CancellationToken ct) => SaveAsync(catalog.SaveFieldAsync(id, input, ct)));

        var templates = endpoints.MapGroup("/api/cases/catalog/templates").WithTags("Cases").RequireAuthorization(policy => policy.RequireRole(HubRoles.Supervisor, HubRoles.Administrator));
        templates.MapPost("/", (ReplyTemplateInput input, CaseCatalogAdmin catalog, CancellationToken ct) => SaveAsync(catalog.SaveTemplateAsync(null, input, ct)));
        templates.MapPut("/{id:guid}", (Guid id, ReplyTemplateInput input, CaseCatalogAdmin catalog, CancellationToken ct) => SaveAsync(catalog.SaveTemplateAsync(id, input, ct)));
        templates.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, CaseCatalogAdmin catalog, CancellationToken ct) =>
            await catalog.DeleteTemplateAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
        return endpoints;
    }

    /// <summary>A request body with one text.</summary>
    internal sealed record TextBody(string? Text);

    /// <summary>A new case: its channel (Manual or Voice) and fields.</summary>
    internal sealed record CreateCaseBody(CaseChannel? Channel, Guid? ConversationId, CaseInput? Case);

    /// <summary>An edit: the version read and every field.</summary>
    internal sealed record UpdateCaseBody(int Version, CaseInput? Case);

    internal sealed record StatusBody(CaseStatus? Status);

    internal sealed record AssignBody(Guid? AssigneeId, string? Team);

    internal sealed record EscalateBody(Guid? DepartmentId, IReadOnlyList<string>? Reasons, string? Message);

    internal sealed record ReplyBody(string? To, string? Subject, string? Body);

    internal sealed record RejectBody(string? Reason);

    internal sealed record DuplicatesBody(string? ContactName, string? ContactPhone, string? ContactEmail, string? Address);

    internal sealed record FilledTemplate(string Subject, string Body);

    internal sealed record RedialBody(DateTimeOffset? DueAt, Guid? ById, string? Note);

    internal static async Task<IResult> ListAsync(HttpRequest request, ClaimsPrincipal user, CaseActors actors, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct)
    {
        var actor = await actors.OfAsync(user, ct);
        if (actor is null)
        {
            return TypedResults.Forbid();
        }

        var (query, errors) = ParseQuery(request.Query, strings);
        return query is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await queries.ListAsync(actor, query, ct));
    }

    internal static async Task<IResult> DashboardAsync(ClaimsPrincipal user, CaseActors actors, CaseQueries queries, CancellationToken ct) =>
        await actors.OfAsync(user, ct) is { } actor ? TypedResults.Ok(await queries.DashboardAsync(actor, ct)) : TypedResults.Forbid();

    internal static async Task<IResult> ExportAsync(HttpContext context, ClaimsPrincipal user, CaseActors actors, CaseQueries queries, CaseExport export, IStringLocalizer<HandoffStrings> strings, TimeProvider time, CancellationToken ct)
    {
        var actor = await actors.OfAsync(user, ct);
        if (actor is null)
        {
            return TypedResults.Forbid();
        }

        var (query, errors) = ParseQuery(context.Request.Query, strings);
        var encoding = context.Request.Query["encoding"].ToString() switch
        {
            "" or "utf8" or "utf-8" => CaseCsvEncoding.Utf8,
            "sjis" or "shift_jis" => CaseCsvEncoding.ShiftJis,
            _ => (CaseCsvEncoding?)null,
        };
        if (encoding is null)
        {
            errors["encoding"] = [strings["Cases_Error_Encoding"].Value];
        }

        if (query is null || encoding is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // The export follows the list's sort; without one, case numbers ascending.
        var ordered = await queries.SortedAsync(actor, query with { Sort = query.Sort ?? "number", Desc = query.Desc ?? false }, ct);
        var buffer = new MemoryStream();
        await export.WriteAsync(buffer, ordered, encoding.Value, ct);
        buffer.Position = 0;
        var day = Core.Calendar.JapanTime.ToJapan(time.GetUtcNow()).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var charset = encoding == CaseCsvEncoding.ShiftJis ? "shift_jis" : "utf-8";
        return TypedResults.File(buffer, $"text/csv; charset={charset}", $"cases-{day}.csv");
    }

    internal static async Task<IResult> CatalogAsync(HandoffDbContext db, CancellationToken ct)
    {
        var catalog = await CaseCatalogSnapshot.LoadAsync(db, ct);
        return TypedResults.Ok(new
        {
            catalog.Categories,
            catalog.Options,
            Fields = catalog.Fields.Select(f => new { f.Id, f.Key, f.Label, f.Type, f.Scope, f.Required, Choices = f.ChoiceList, f.Order, f.IsActive }),
            catalog.Templates,
        });
    }

    internal static async Task<IResult> DuplicatesAsync(DuplicatesBody body, ClaimsPrincipal user, CaseActors actors, CaseQueries queries, CancellationToken ct) =>
        await actors.OfAsync(user, ct) is { } actor
            ? TypedResults.Ok(await queries.DuplicatesOfAsync(actor, body.ContactName, body.ContactPhone, body.ContactEmail, body.Address, ct))
            : TypedResults.Forbid();

    internal static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, CaseActors actors, CaseQueries queries, CancellationToken ct) =>
        await actors.OfAsync(user, ct) is { } actor && await queries.GetAsync(actor, id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    internal static Task<IResult> CreateAsync(CreateCaseBody body, ClaimsPrincipal user, CaseActors actors, CaseDesk desk, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct)
    {
        var channel = body.Channel ?? CaseChannel.Manual;
        if (channel is not (CaseChannel.Manual or CaseChannel.Voice))
        {
            return Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["channel"] = [strings["Cases_Error_Channel"].Value] }));
        }

        return RunAsync(user, actors, queries, strings, actor => desk.CreateAsync(actor, channel, body.Case ?? new CaseInput(), CustomFieldCheck.Staff, body.ConversationId, [], null, ct), ct, created: true);
    }

    internal static Task<IResult> CreateFromChatAsync(Guid conversationId, CaseInput? input, ClaimsPrincipal user, CaseActors actors, CaseDesk desk, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct) =>
        RunAsync(user, actors, queries, strings, actor => desk.CreateFromChatAsync(actor, conversationId, input ?? new CaseInput(), ct), ct, created: true);

    internal static Task<IResult> UpdateAsync(Guid id, UpdateCaseBody body, ClaimsPrincipal user, CaseActors actors, CaseDesk desk, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct) =>
        RunAsync(user, actors, queries, strings, actor => desk.UpdateAsync(actor, id, body.Version, body.Case ?? new CaseInput(), ct), ct);

    internal static Task<IResult> SetStatusAsync(Guid id, StatusBody body, ClaimsPrincipal user, CaseActors actors, CaseDesk desk, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct) =>
        body.Status is { } status && Enum.IsDefined(status)
            ? RunAsync(user, actors, queries, strings, actor => desk.SetStatusAsync(actor, id, status, ct), ct)
            : Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [strings["Cases_Error_Status"].Value] }));

    internal static Task<IResult> AssignAsync(Guid id, AssignBody body, ClaimsPrincipal user, CaseActors actors, CaseDesk desk, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct) =>
        RunAsync(user, actors, queries, strings, actor => desk.AssignAsync(actor, id, body.AssigneeId, body.Team, ct), ct);

    internal static Task<IResult> AddNoteAsync(Guid id, TextBody body, ClaimsPrincipal user, CaseActors actors, CaseDesk desk, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct) =>
        RunAsync(user, actors, queries, strings, actor => desk.AddNoteAsync(actor, id, body.Text, ct), ct);

    internal static Task<IResult> EscalateAsync(Guid id, EscalateBody body, ClaimsPrincipal user, CaseActors actors, CaseWorkflow workflow, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct) =>
        RunAsync(user, actors, queries, strings, actor => workflow.EscalateAsync(actor, id, body.DepartmentId ?? Guid.Empty, body.Reasons, body.Message, ct), ct);

    internal static Task<IResult> SubmitReplyAsync(Guid id, ReplyBody body, ClaimsPrincipal user, CaseActors actors, CaseWorkflow workflow, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct) =>
        RunAsync(user, actors, queries, strings, actor => workflow.SubmitReplyAsync(actor, id, body.To, body.Subject, body.Body, ct), ct);

    internal static Task<IResult> ApproveAsync(Guid id, Guid replyId, ClaimsPrincipal user, CaseActors actors, CaseWorkflow workflow, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct) =>
        RunAsync(user, actors, queries, strings, actor => workflow.ApproveAsync(actor, id, replyId, ct), ct);

    internal static Task<IResult> RejectAsync(Guid id, Guid replyId, RejectBody body, ClaimsPrincipal user, CaseActors actors, CaseWorkflow workflow, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct) =>
        RunAsync(user, actors, queries, strings, actor => workflow.RejectAsync(actor, id, replyId, body.Reason, ct), ct);

    internal static Task<IResult> DialAsync(Guid id, ClaimsPrincipal user, CaseActors actors, CaseCallbacks callbacks, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct) =>
        RunAsync(user, actors, queries, strings, actor => callbacks.DialAsync(actor, id, ct), ct);

    internal static Task<IResult> ReserveRedialAsync(Guid id, RedialBody body, ClaimsPrincipal user, CaseActors actors, CaseCallbacks callbacks, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct) =>
        RunAsync(user, actors, queries, strings, actor => callbacks.ReserveAsync(actor, id, body.DueAt?.UtcDateTime, body.ById, body.Note, ct), ct);

    internal static Task<IResult> ClearRedialAsync(Guid id, ClaimsPrincipal user, CaseActors actors, CaseCallbacks callbacks, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, CancellationToken ct) =>
        RunAsync(user, actors, queries, strings, actor => callbacks.ClearReservationAsync(actor, id, ct), ct);

    internal static async Task<IResult> RedialsAsync(ClaimsPrincipal user, CaseActors actors, CaseCallbacks callbacks, CancellationToken ct) =>
        await actors.OfAsync(user, ct) is { } actor ? TypedResults.Ok(await callbacks.RedialsAsync(actor, ct)) : TypedResults.Forbid();

    internal static async Task<IResult> AttachmentAsync(Guid id, Guid inboxId, int index, ClaimsPrincipal user, CaseActors actors, HandoffDbContext db, MailInbox inbox, CancellationToken ct)
    {
        var actor = await actors.OfAsync(user, ct);
        var record = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (actor is null || record is null || !actor.CanSee(record)
            || !await db.CaseEntries.AnyAsync(e => e.CaseId == id && e.MailId == inboxId && e.Kind == CaseEntryKind.InboundMail, ct)
            || await inbox.OpenAttachmentAsync(inboxId, index, ct) is not { } attachment)
        {
            return TypedResults.NotFound();
        }

        // Served as a download, never rendered in the console's origin.
        return TypedResults.File(attachment.Content, "application/octet-stream", attachment.Attachment.FileName);
    }

    internal static async Task<IResult> FillTemplateAsync(Guid id, Guid templateId, ClaimsPrincipal user, CaseActors actors, HandoffDbContext db, IConfiguration configuration, IStringLocalizer<HandoffStrings> strings, CancellationToken ct)
    {
        var actor = await actors.OfAsync(user, ct);
        var record = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        var template = await db.ReplyTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, ct);
        if (actor is null || record is null || template is null || !actor.CanSee(record))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(Fill(template, record.Number, record.ContactName, configuration, strings));
    }

    /// <summary>A template with {number}, {name} and {city} filled in (the API and the case page's form without script).</summary>
    internal static FilledTemplate Fill(ReplyTemplate template, string number, string? contactName, IConfiguration configuration, IStringLocalizer<HandoffStrings> strings)
    {
        var city = configuration["FaqSite:CityName"] is { Length: > 0 } name ? name : strings["Chats_DefaultCity"].Value;
        string Fill(string text) => text.Replace("{number}", number, StringComparison.Ordinal)
            .Replace("{name}", contactName ?? strings["Cases_DefaultAddressee"].Value, StringComparison.Ordinal)
            .Replace("{city}", city, StringComparison.Ordinal);
        return new FilledTemplate(Fill(template.Subject), Fill(template.Body));
    }

    /// <summary>Runs a command as the caller and answers with the case as it now is, or why nothing changed.</summary>
    internal static async Task<IResult> RunAsync(
        ClaimsPrincipal user, CaseActors actors, CaseQueries queries, IStringLocalizer<HandoffStrings> strings, Func<CaseActor, Task<CaseOutcome>> command, CancellationToken ct, bool created = false)
    {
        var actor = await actors.OfAsync(user, ct);
        if (actor is null)
        {
            return TypedResults.Forbid();
        }

        var outcome = await command(actor);
        if (outcome.Succeeded)
        {
            var view = await queries.GetAsync(actor, outcome.Case!.Id, ct);
            return created ? TypedResults.Created($"/api/cases/{outcome.Case.Id}", view) : TypedResults.Ok(view);
        }

        return outcome.Error switch
        {
            CaseError.NotFound => TypedResults.NotFound(),
            CaseError.Forbidden => TypedResults.Forbid(),
            CaseError.Invalid => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary(), detail: strings["Cases_Error_Invalid"]),
            CaseError.Stale => TypedResults.Problem(strings["Cases_Error_Stale"], statusCode: StatusCodes.Status409Conflict, title: strings["Cases_Error_StaleTitle"]),
            _ => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict, title: strings["Cases_Error_WrongStatusTitle"]),
        };
    }

    /// <summary>Reads the list's query string; a malformed value is an error naming the parameter, never ignored.</summary>
    internal static (CaseListQuery? Query, Dictionary<string, string[]> Errors) ParseQuery(IQueryCollection query, IStringLocalizer<HandoffStrings> strings)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        T? Parse<T>(string name, Func<string, (bool, T)> parse) where T : struct
        {
            var raw = query[name].ToString();
            if (raw.Length == 0)
            {
                return null;
            }

            var (ok, value) = parse(raw);
            if (!ok)
            {
                errors[name] = [strings["Cases_Error_Parameter", name].Value];
                return null;
            }

            return value;
        }

        var statuses = new List<CaseStatus>();
        foreach (var part in query["status"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<CaseStatus>(part, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(part, out _))
            {
                statuses.Add(status);
            }
            else
            {
                errors["status"] = [strings["Cases_Error_Status"].Value];
            }
        }

        var result = new CaseListQuery
        {
            Q = query["q"].ToString() is { Length: > 0 } q ? q : null,
            Status = statuses,
            CategoryId = Parse("categoryId", s => (Guid.TryParse(s, out var g), g)),
            DepartmentId = Parse("departmentId", s => (Guid.TryParse(s, out var g), g)),
            AssigneeId = Parse("assigneeId", s => (Guid.TryParse(s, out var g), g)),
            From = Parse("from", s => (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d), d)),
            To = Parse("to", s => (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d), d)),
            Awaiting = query["awaiting"].ToString() is { Length: > 0 } awaiting ? awaiting : null,
            Sort = query["sort"].ToString() is { Length: > 0 } sort ? sort : null,
            Desc = Parse("desc", s => (bool.TryParse(s, out var b), b)),
            Page = Parse("page", s => (int.TryParse(s, CultureInfo.InvariantCulture, out var n) && n >= 1, n)),
            PageSize = Parse("pageSize", s => (int.TryParse(s, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= CaseQueries.MaxPageSize, n)),
        };
        if (result.Awaiting is not (null or CaseSides.Center or CaseSides.Department or CaseSides.Approver))
        {
            errors["awaiting"] = [strings["Cases_Error_Parameter", "awaiting"].Value];
        }

        if (result.Sort is { } sortName && !CaseQueries.SortColumns.Contains(sortName))
        {
            errors["sort"] = [strings["Cases_Error_Parameter", "sort"].Value];
        }

        return errors.Count > 0 ? (null, errors) : (result, errors);
    }

    private static async Task<IResult> SaveAsync<T>(Task<(T? Value, Dictionary<string, string[]> Errors)> save)
        where T : class
    {
        var (value, errors) = await save;
        return value is not null ? TypedResults.Ok(value) : errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.NotFound();
    }
}
