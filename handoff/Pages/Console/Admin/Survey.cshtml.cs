using ConversationHub.Core.Audit;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Resources;
using ConversationHub.Handoff.Survey;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Admin;

/// <summary>
/// 満足度調査の設定: an administrator turns the survey on or off, words the consent question and edits the items (order,
/// key, question, type, options, required). Each save is a new version (answers keep theirs) and is audited. The
/// city's required items are recognised by key, never by what the form says, so they cannot be removed.
/// </summary>
[Authorize(Roles = HubRoles.Administrator)]
internal sealed class SurveyAdminModel(SurveyDefinitions definitions, IStringLocalizer<SurveyStrings> strings) : PageModel
{
    /// <summary>The version the edit started from (a save on a stale one is refused).</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public bool Enabled { get; set; }

    [BindProperty]
    public string? ConsentText { get; set; }

    [BindProperty]
    public List<ItemInput> Items { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Saved { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public static bool IsRequiredItem(string? key) => SurveyDefinition.RequiredItems.Any(r => r.Key == key);

    /// <summary>The types an item may have: a required item keeps its own (the reason: free text or choices).</summary>
    public static IReadOnlyList<SurveyItemType> TypesOf(string? key) => key switch
    {
        SurveyItem.ReasonKey => [SurveyItemType.FreeText, SurveyItemType.Choice],
        _ when SurveyDefinition.RequiredItems.FirstOrDefault(r => r.Key == key) is { Key: not null } required => [required.Type],
        _ => [SurveyItemType.Choice, SurveyItemType.FiveLevel, SurveyItemType.FreeText],
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) => Show(await definitions.CurrentAsync(cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var edited = Edited();
        Errors = edited is null ? [strings["Error_Type"]] : [.. edited.Check().Select(e => strings[e].Value)];
        if (edited is null || Errors.Count > 0)
        {
            Items.Add(new ItemInput { Order = Items.Count + 1 });
            return Page();
        }

        var saved = await definitions.SaveAsync(edited, ActorId(), cancellationToken);
        if (saved is null)
        {
            Errors = [strings["Error_Stale"]];
            Show(await definitions.CurrentAsync(cancellationToken));
            return Page();
        }

        await HttpContext.AuditAsync(AuditActions.SettingChanged, "survey", $"version {saved.Version}; enabled={saved.Enabled}; items={string.Join('|', saved.Items.Select(i => i.Key))}");
        return RedirectToPage(new { saved = saved.Version });
    }

    private void Show(SurveyDefinition current)
    {
        Version = current.Version;
        Enabled = current.Enabled;
        ConsentText = current.ConsentText;
        Items = [.. current.Items.Select((item, i) => new ItemInput
        {
            Order = i + 1,
            Key = item.Key,
            Question = item.Question,
            Type = item.Type.ToString(),
            Options = string.Join('\n', item.Options),
            Required = item.Required,
        })];
        // One blank row adds a question.
        Items.Add(new ItemInput { Order = Items.Count + 1 });
    }

    // The definition the form describes, in the order given (ties keep the form's order); null on an unknown type.
    private SurveyDefinition? Edited()
    {
        var items = new List<SurveyItem>();
        foreach (var input in Items.Select((item, i) => (item, i)).OrderBy(x => x.item.Order).ThenBy(x => x.i).Select(x => x.item))
        {
            var key = input.Key?.Trim() ?? "";
            var isRequired = IsRequiredItem(key);
            if ((key.Length == 0 && string.IsNullOrWhiteSpace(input.Question)) || (input.Remove && !isRequired))
                continue;
            if (!Enum.TryParse<SurveyItemType>(input.Type, ignoreCase: false, out var type) || !Enum.IsDefined(type))
                return null;
            var options = type == SurveyItemType.Choice
                ? (input.Options ?? "").Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).ToList()
                : [];
            items.Add(new SurveyItem(key, input.Question?.Trim() ?? "", type, options, input.Required, isRequired));
        }

        return new SurveyDefinition(Version, Enabled, ConsentText?.Trim() ?? "", items);
    }

    private Guid? ActorId() => Guid.TryParse(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;

    /// <summary>One row of the items' table.</summary>
    public sealed class ItemInput
    {
        public int Order { get; set; }

        public string? Key { get; set; }

        public string? Question { get; set; }

        public string? Type { get; set; }

        /// <summary>Choices, one per line.</summary>
        public string? Options { get; set; }

        public bool Required { get; set; }

        public bool Remove { get; set; }
    }
}
