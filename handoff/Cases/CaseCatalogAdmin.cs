using System.Text.RegularExpressions;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Cases;

/// <summary>A category as an administrator sends it.</summary>
public sealed record CaseCategoryInput(string? Name, Guid? ParentId, int? Order, bool? IsActive);

/// <summary>An option of a list as an administrator sends it.</summary>
public sealed record CaseOptionInput(string? Label, int? Order, bool? IsActive);

/// <summary>A custom field as an administrator sends it.</summary>
public sealed record CaseFieldInput(string? Key, string? Label, CaseFieldType? Type, CaseFieldScope? Scope, bool? Required, IReadOnlyList<string>? Choices, int? Order, bool? IsActive);

/// <summary>A reply template as its keeper sends it.</summary>
public sealed record ReplyTemplateInput(string? Name, string? Subject, string? Body);

/// <summary>
/// Administrators keep the cases' lists without a code change: the category tree, inquiry types and flags, escalation
/// reasons, custom fields; supervisors and administrators keep reply templates. Nothing is deleted that cases use:
/// categories, options and fields are retired (inactive) instead.
/// </summary>
internal sealed partial class CaseCatalogAdmin(HandoffDbContext db, IStringLocalizer<HandoffStrings> strings)
{
    public async Task<(CaseCategory? Category, Dictionary<string, string[]> Errors)> SaveCategoryAsync(Guid? id, CaseCategoryInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors["name"] = [strings["Cases_Error_Label", 100].Value];
        }

        var category = id is { } existing ? await db.CaseCategories.FirstOrDefaultAsync(c => c.Id == existing, cancellationToken) : null;
        if (id is not null && category is null)
        {
            return (null, errors);
        }

        if (input.ParentId is { } parentId)
        {
            var catalog = await CaseCatalogSnapshot.LoadAsync(db, cancellationToken);
            if (!catalog.Categories.Any(c => c.Id == parentId) || (category is not null && catalog.WithDescendants(category.Id).Contains(parentId)))
            {
                errors["parentId"] = [strings["Cases_Error_UnknownCategory"].Value];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (category is null)
        {
            category = new CaseCategory(input.ParentId, name!, input.Order ?? 0);
            db.CaseCategories.Add(category);
        }
        else
        {
            category.Name = name!;
            category.ParentId = input.ParentId;
            category.Order = input.Order ?? category.Order;
        }

        category.IsActive = input.IsActive ?? category.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        return (category, errors);
    }

    public async Task<(CaseOption? Option, Dictionary<string, string[]> Errors)> SaveOptionAsync(CaseOptionKind kind, string code, CaseOptionInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!CodePattern().IsMatch(code))
        {
            errors["code"] = [strings["Cases_Error_Code"].Value];
        }

        var label = input.Label?.Trim();
        if (string.IsNullOrEmpty(label) || label.Length > 100)
        {
            errors["label"] = [strings["Cases_Error_Label", 100].Value];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var option = await db.CaseOptions.FirstOrDefaultAsync(o => o.Kind == kind && o.Code == code, cancellationToken);
        if (option is null)
        {
            option = new CaseOption(kind, code, label!, input.Order ?? 0);
            db.CaseOptions.Add(option);
        }

        option.Label = label!;
        option.Order = input.Order ?? option.Order;
        option.IsActive = input.IsActive ?? option.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        return (option, errors);
    }

    public async Task<(CaseFieldDefinition? Field, Dictionary<string, string[]> Errors)> SaveFieldAsync(Guid? id, CaseFieldInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var field = id is { } existing ? await db.CaseFields.FirstOrDefaultAsync(f => f.Id == existing, cancellationToken) : null;
        if (id is not null && field is null)
        {
            return (null, errors);
        }

        var key = input.Key?.Trim();
        if (field is null && (key is null || !CodePattern().IsMatch(key)))
        {
            errors["key"] = [strings["Cases_Error_Code"].Value];
        }
        else if (field is null && await db.CaseFields.AnyAsync(f => f.Key == key, cancellationToken))
        {
            errors["key"] = [strings["Cases_Error_KeyTaken"].Value];
        }

        var label = input.Label?.Trim();
        if (string.IsNullOrEmpty(label) || label.Length > 100)
        {
            errors["label"] = [strings["Cases_Error_Label", 100].Value];
        }

        var type = input.Type ?? field?.Type;
        if (type is null || !Enum.IsDefined(type.Value))
        {
            errors["type"] = [strings["Cases_Error_FieldKind"].Value];
        }

        var choices = (input.Choices ?? field?.ChoiceList ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (type is CaseFieldType.Choice or CaseFieldType.MultiChoice && (choices.Count == 0 || choices.Any(c => c.Length > 100 || c.Contains('\n', StringComparison.Ordinal))))
        {
            errors["choices"] = [strings["Cases_Error_Choices"].Value];
        }

        if (input.Scope is { } scope && !Enum.IsDefined(scope))
        {
            errors["scope"] = [strings["Cases_Error_FieldKind"].Value];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var kept = type is CaseFieldType.Choice or CaseFieldType.MultiChoice ? choices : [];
        if (field is null)
        {
            field = new CaseFieldDefinition(key!, label!, type!.Value, input.Scope ?? CaseFieldScope.Case, input.Required ?? false, kept, input.Order ?? 0);
            db.CaseFields.Add(field);
        }
        else
        {
            field.Label = label!;
            field.Type = type!.Value;
            field.Scope = input.Scope ?? field.Scope;
            field.Required = input.Required ?? field.Required;
            field.Choices = string.Join('\n', kept);
            field.Order = input.Order ?? field.Order;
        }

        field.IsActive = input.IsActive ?? field.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        return (field, errors);
    }

    public async Task<(ReplyTemplate? Template, Dictionary<string, string[]> Errors)> SaveTemplateAsync(Guid? id, ReplyTemplateInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var template = id is { } existing ? await db.ReplyTemplates.FirstOrDefaultAsync(t => t.Id == existing, cancellationToken) : null;
        if (id is not null && template is null)
        {
            return (null, errors);
        }

        var name = input.Name?.Trim();
        var subject = input.Subject?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors["name"] = [strings["Cases_Error_Label", 100].Value];
        }

        if (string.IsNullOrEmpty(subject) || subject.Length > CaseValidator.MaxSubject)
        {
            errors["subject"] = [strings["Cases_Error_Subject", CaseValidator.MaxSubject].Value];
        }

        if (string.IsNullOrWhiteSpace(input.Body) || input.Body.Length > CaseWorkflow.MaxReplyBody)
        {
            errors["body"] = [strings["Cases_Error_Body", CaseWorkflow.MaxReplyBody].Value];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (template is null)
        {
            template = new ReplyTemplate(name!, subject!, input.Body!);
            db.ReplyTemplates.Add(template);
        }
        else
        {
            template.Name = name!;
            template.Subject = subject!;
            template.Body = input.Body!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (template, errors);
    }

    public async Task<bool> DeleteTemplateAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ReplyTemplates.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex CodePattern();
}
