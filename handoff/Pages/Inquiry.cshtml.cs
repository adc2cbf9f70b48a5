using System.Text;
using System.Text.Json;
using ConversationHub.Core.Faq;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Inquiry;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Pages;

/// <summary>
/// The citizens' inquiry form (問い合わせフォーム) at <c>/inquiry?faq={id}</c>: reachable from an FAQ page only (a
/// direct visit, or an unknown or unpublished FAQ, gets guidance and the search box), then 入力 → 入力内容の確認 → 送信.
/// The values travel in the form between the steps (antiforgery-protected) and are checked again on 送信.
/// </summary>
/// <remarks>
/// Spam guards without third parties: a honeypot field (filled: the citizen sees success, nothing is made), a signed
/// ticket that must be older than <see cref="InquiryOptions.MinFillTime"/>, antiforgery, and the per-address rate limit
/// on 送信 (<see cref="InquiryRateLimits"/>). The ticket's submission id makes a repeated 送信 (double click, back and
/// resend) return the first case; success redirects (POST-redirect-GET) to <c>/inquiry/received/{id}</c>.
/// </remarks>
[AllowAnonymous]
[EnableRateLimiting(InquiryRateLimits.Policy)]
internal sealed class InquiryModel(
    IFaqLookup faqs,
    HandoffDbContext db,
    CaseValidator validator,
    ReceiveCase receive,
    InquiryFormToken tickets,
    IOptionsMonitor<InquiryOptions> options,
    IConfiguration configuration,
    IStringLocalizer<HandoffStrings> strings,
    ILogger<InquiryModel> logger) : PageModel
{
    /// <summary>The honeypot's name: plausible to a form-filling script, never shown to people.</summary>
    public const string HoneypotName = "website";

    public enum Step
    {
        /// <summary>No valid FAQ: guidance and the search box.</summary>
        Start,

        /// <summary>The form.</summary>
        Form,

        /// <summary>入力内容の確認.</summary>
        Confirm,
    }

    [BindProperty(SupportsGet = true, Name = "faq")]
    public string? FaqId { get; set; }

    [BindProperty(Name = "name")]
    public string? Name { get; set; }

    [BindProperty(Name = "kana")]
    public string? Kana { get; set; }

    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    [BindProperty(Name = "emailConfirm")]
    public string? EmailConfirm { get; set; }

    [BindProperty(Name = "phone")]
    public string? Phone { get; set; }

    [BindProperty(Name = "description")]
    public string? Description { get; set; }

    [BindProperty(Name = "agree")]
    public bool Agree { get; set; }

    [BindProperty(Name = "ticket")]
    public string? Ticket { get; set; }

    [BindProperty(Name = HoneypotName)]
    public string? Honeypot { get; set; }

    public Step Current { get; private set; } = Step.Start;

    public FaqSummary? Faq { get; private set; }

    public IReadOnlyList<InquiryField> Fields { get; private set; } = [];

    /// <summary>Errors by form field name, in the order the fields appear.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>A message about the whole submission (too fast, expired), shown at the top.</summary>
    public string? FormError { get; private set; }

    public int MaxDescription => options.CurrentValue.MaxDescription;

    public string ContactPhone => configuration["FaqSite:ContactPhone"] is { Length: > 0 } phone ? phone : strings["Inquiry_DefaultContactPhone"].Value;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        Ticket = tickets.Issue();
        Current = Step.Form;
        return Page();
    }

    /// <summary>入力内容を確認する: the guards, then every check; the confirmation or the form with its errors.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        if (Guard("confirm") is { } refused)
        {
            return refused;
        }

        Current = Errors.Count > 0 || FormError is not null || await ValidateAsync(cancellationToken) is null ? Step.Form : Step.Confirm;
        return Page();
    }

    /// <summary>修正する: back to the form with the values as they were.</summary>
    public async Task<IActionResult> OnPostEditAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        Current = Step.Form;
        return Page();
    }

    /// <summary>送信する: the guards and every check again, then the case (once per ticket) and the redirect.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        if (Guard("submit") is { } refused)
        {
            return refused;
        }

        var input = FormError is null ? await ValidateAsync(cancellationToken) : null;
        if (input is null || tickets.Read(Ticket) is not { } ticket)
        {
            Current = Step.Form;
            return Page();
        }

        var submission = ticket.SubmissionId;
        var (outcome, repeated) = await receive.ReceiveAsync(
            "form:" + submission.ToString("N"), CaseChannel.Form, input, CustomFieldCheck.InquiryForm, null,
            [new CaseEntryDraft(CaseEntryKind.FormSubmission, null, SubmissionText(), strings["Inquiry_EntrySubject"])], cancellationToken);
        if (outcome.Case is not { } created)
        {
            // The catalog changed between the check and the save (a field made required): show what is wrong now.
            foreach (var (key, messages) in outcome.Errors ?? new Dictionary<string, string[]>())
            {
                Errors.TryAdd(FieldNameOf(key), messages[0]);
            }

            FormError ??= strings["Cases_Error_Invalid"].Value;
            Current = Step.Form;
            return Page();
        }

        if (repeated)
        {
            InquiryLog.Repeated(logger, submission, created.Number);
        }
        else
        {
            InquiryLog.CaseReceived(logger, submission, created.Number);
        }

        return Redirect($"/inquiry/received/{submission:N}");
    }

    // The honeypot (pretend success), then the ticket (present, authentic, old enough). A refused ticket keeps the
    // citizen's input and issues a new ticket, so a person who was only quick can send again.
    private RedirectResult? Guard(string step)
    {
        if (!string.IsNullOrEmpty(Honeypot))
        {
            InquiryLog.HoneypotFilled(logger, step);
            return Redirect("/inquiry/received");
        }

        var ticket = tickets.Read(Ticket);
        if (ticket is null)
        {
            InquiryLog.BadTicket(logger);
            FormError = strings["Inquiry_Error_Expired"].Value;
            Ticket = tickets.Issue();
        }
        else if (!tickets.FilledSlowlyEnough(ticket.Value.IssuedAt))
        {
            InquiryLog.TooFast(logger, (DateTimeOffset.UtcNow - ticket.Value.IssuedAt).TotalSeconds);
            FormError = strings["Inquiry_Error_TooFast"].Value;
            Ticket = tickets.Issue();
        }

        return null;
    }

    // The FAQ (a form without one is the start page) and the administrators' fields with what the citizen sent.
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Faq = FaqId is { Length: > 0 and <= 64 } id ? await faqs.FindAsync(id, cancellationToken) : null;
        if (Faq is null)
        {
            Current = Step.Start;
            return false;
        }

        var catalog = await CaseCatalogSnapshot.LoadAsync(db, cancellationToken);
        var form = Request.HasFormContentType ? Request.Form : null;
        Fields = [.. catalog.Fields.Where(f => f.IsActive && f.Scope == CaseFieldScope.InquiryForm)
            .Select(f => new InquiryField(f, form is null ? [] : [.. form[InquiryField.NameOf(f.Key)].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!)]))];
        return true;
    }

    // The form's own rules (the address twice, the text required and within the form's limit, the agreement), then the
    // case rules (formats, custom fields) through the same validator that CaseDesk applies on save.
    private async Task<CaseInput?> ValidateAsync(CancellationToken cancellationToken)
    {
        var email = CaseContact.NormalizeText(Email);
        var input = new CaseInput
        {
            Subject = Truncate(strings["Inquiry_CaseSubject", Faq!.Title].Value, CaseValidator.MaxSubject),
            Description = Description?.Trim(),
            ContactName = Name,
            ContactKana = Kana,
            ContactEmail = email,
            ContactPhone = Phone,
            CustomFields = Fields.Where(f => f.Values.Count > 0).ToDictionary(f => f.Definition.Key, CustomValue, StringComparer.Ordinal),
            SourceFaqId = Faq.Id,
        };
        var (_, errors) = validator.Validate(input, await CaseCatalogSnapshot.LoadAsync(db, cancellationToken), CustomFieldCheck.InquiryForm);
        foreach (var (key, messages) in errors)
        {
            Errors[FieldNameOf(key)] = messages[0];
        }

        if (email is null)
        {
            Errors["email"] = strings["Cases_Error_Required", strings["Inquiry_Email"]].Value;
        }

        if (CaseContact.NormalizeText(EmailConfirm) is not { } confirm)
        {
            Errors.TryAdd("emailConfirm", strings["Inquiry_Error_EmailConfirm"].Value);
        }
        else if (email is not null && !string.Equals(confirm, email, StringComparison.OrdinalIgnoreCase))
        {
            Errors["emailConfirm"] = strings["Inquiry_Error_EmailMismatch"].Value;
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            Errors["description"] = strings["Cases_Error_Required", strings["Inquiry_Description"]].Value;
        }
        else if (Description.Trim().Length > MaxDescription)
        {
            Errors["description"] = strings["Inquiry_Error_TooLong", strings["Inquiry_Description"], MaxDescription].Value;
        }

        if (!Agree)
        {
            Errors["agree"] = strings["Inquiry_Error_Agree"].Value;
        }

        return Errors.Count == 0 ? input : null;
    }

    private static JsonElement CustomValue(InquiryField field) =>
        field.Definition.Type == CaseFieldType.MultiChoice
            ? JsonSerializer.SerializeToElement(field.Values)
            : JsonSerializer.SerializeToElement(field.Value.Trim());

    // The validator's JSON names → the form's field names.
    private static string FieldNameOf(string key) => key switch
    {
        "contactName" => "name",
        "contactKana" => "kana",
        "contactEmail" => "email",
        "contactPhone" => "phone",
        "description" => "description",
        _ when key.StartsWith("customFields.", StringComparison.Ordinal) => InquiryField.NameOf(key["customFields.".Length..]),
        _ => key,
    };

    /// <summary>The error of a field, if any.</summary>
    public string? ErrorOf(string name) => Errors.GetValueOrDefault(name);

    /// <summary>The fields in the order the form shows them, for the error summary's links.</summary>
    public IEnumerable<(string Name, string Message)> OrderedErrors()
    {
        string[] fixedOrder = ["name", "kana", "email", "emailConfirm", "phone", "description"];
        foreach (var name in fixedOrder.Concat(Fields.Select(f => f.Name)).Append("agree"))
        {
            if (Errors.TryGetValue(name, out var message))
            {
                yield return (name, message);
            }
        }
    }

    /// <summary>The target of an error summary link: the input, or a group's first choice.</summary>
    public string AnchorOf(string name) =>
        Fields.FirstOrDefault(f => f.Name == name) is { Definition.Type: CaseFieldType.Choice or CaseFieldType.MultiChoice } ? name + "_0" : name;

    // What the citizen sent, as the case's first timeline entry reads it: one 「項目：値」 per line.
    private string SubmissionText()
    {
        var text = new StringBuilder();
        void Line(string label, string? value) => text.Append(label).Append('：').AppendLine(string.IsNullOrWhiteSpace(value) ? strings["Inquiry_NotEntered"].Value : value.Trim());
        Line(strings["Inquiry_AboutFaqLabel"], $"{Faq!.Title} ({Faq.Id})");
        Line(strings["Inquiry_Name"], Name);
        Line(strings["Inquiry_Kana"], Kana);
        Line(strings["Inquiry_Email"], Email);
        Line(strings["Inquiry_Phone"], Phone);
        foreach (var field in Fields)
        {
            Line(field.Definition.Label, string.Join("、", field.Values));
        }

        text.AppendLine().AppendLine(strings["Inquiry_Description"] + "：").AppendLine(Description?.Trim());
        return text.ToString();
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
