using System.Text.Json;
using ConversationHub.Handoff.Cases;
using Microsoft.AspNetCore.Http;

namespace ConversationHub.Handoff.Pages.Console.Cases;

/// <summary>
/// The case form's values as the staff member typed them (text, not parsed), so a refused save shows exactly what was
/// sent; <see cref="ToInput"/> turns them into the <see cref="CaseInput"/> the desk validates. Custom fields are posted as
/// <c>cf.{key}</c> (several values for a checkbox group).
/// </summary>
internal sealed class CaseForm
{
    public const string CustomPrefix = "cf.";

    public string? CategoryId { get; init; }

    public string? InquiryType { get; init; }

    public IReadOnlyList<string> Flags { get; init; } = [];

    public string? Subject { get; init; }

    public string? Description { get; init; }

    public string? ContactName { get; init; }

    public string? ContactKana { get; init; }

    public string? ContactPhone { get; init; }

    public string? ContactEmail { get; init; }

    public string? PostalCode { get; init; }

    public string? Address { get; init; }

    public IReadOnlyDictionary<string, string[]> Custom { get; init; } = new Dictionary<string, string[]>(StringComparer.Ordinal);

    public static CaseForm Empty { get; } = new();

    public static CaseForm FromView(CaseView view)
    {
        var custom = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, node) in view.CustomFields)
        {
            custom[key] = node switch
            {
                null => [],
                System.Text.Json.Nodes.JsonArray array => [.. array.Select(v => v?.ToString() ?? "")],
                _ => [node.ToString()],
            };
        }

        return new CaseForm
        {
            CategoryId = view.CategoryId?.ToString(),
            InquiryType = view.InquiryType,
            Flags = view.Flags,
            Subject = view.Subject,
            Description = view.Description,
            ContactName = view.ContactName,
            ContactKana = view.ContactKana,
            ContactPhone = view.ContactPhone,
            ContactEmail = view.ContactEmail,
            PostalCode = view.PostalCode,
            Address = view.Address,
            Custom = custom,
        };
    }

    public static CaseForm FromRequest(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? One(string name) => form[name].ToString() is { Length: > 0 } value ? value : null;
        return new CaseForm
        {
            CategoryId = One("categoryId"),
            InquiryType = One("inquiryType"),
            Flags = [.. form["flags"].Where(f => !string.IsNullOrEmpty(f)).Select(f => f!)],
            Subject = One("subject"),
            Description = One("description"),
            ContactName = One("contactName"),
            ContactKana = One("contactKana"),
            ContactPhone = One("contactPhone"),
            ContactEmail = One("contactEmail"),
            PostalCode = One("postalCode"),
            Address = One("address"),
            Custom = form.Keys.Where(k => k.StartsWith(CustomPrefix, StringComparison.Ordinal))
                .ToDictionary(k => k[CustomPrefix.Length..], k => form[k].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToArray(), StringComparer.Ordinal),
        };
    }

    /// <summary>The values one custom field holds (none when it is empty).</summary>
    public IReadOnlyList<string> CustomValues(string key) => Custom.TryGetValue(key, out var values) ? values : [];

    /// <summary>
    /// The desk's input. Only the active fields' values travel (the desk refuses keys it does not offer); a category id
    /// that is not a GUID is reported under <c>categoryId</c> like an unknown one.
    /// </summary>
    public (CaseInput Input, string? CategoryError) ToInput(CaseCatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Guid? categoryId = null;
        var categoryError = false;
        if (CategoryId is { } raw)
        {
            categoryError = !Guid.TryParse(raw, out var parsed);
            categoryId = categoryError ? null : parsed;
        }

        var custom = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var field in catalog.Fields.Where(f => f.IsActive))
        {
            var values = CustomValues(field.Key);
            if (values.Count == 0)
            {
                continue;
            }

            custom[field.Key] = field.Type == CaseFieldType.MultiChoice
                ? JsonSerializer.SerializeToElement(values)
                : JsonSerializer.SerializeToElement(values[0]);
        }

        return (new CaseInput
        {
            CategoryId = categoryId,
            InquiryType = InquiryType,
            Flags = Flags,
            Subject = Subject,
            Description = Description,
            ContactName = ContactName,
            ContactKana = ContactKana,
            ContactPhone = ContactPhone,
            ContactEmail = ContactEmail,
            PostalCode = PostalCode,
            Address = Address,
            CustomFields = custom,
        }, categoryError ? "categoryId" : null);
    }
}
