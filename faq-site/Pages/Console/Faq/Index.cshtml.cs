using ConversationHub.Faq.Editor;
using ConversationHub.Faq.KnowledgeBase.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationHub.Faq.Pages.Console.Faq;

/// <summary>
/// The editors' FAQ list with filters and paging (GET only: filters live in the URL, so they can be bookmarked).
/// Department staff always see their own department's FAQs, the ones they may edit.
/// </summary>
[Authorize(Roles = FaqEditorRoles.EditorsAdministratorsAndDepartments)]
internal sealed class IndexModel(FaqEditorListQuery query, StaffDirectory staff, FaqEditorActors actors) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true)]
    public FaqStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public FaqVisibility? Visibility { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Department { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public FaqEditorListPage Result { get; private set; } = new([], 0, 1, 1);

    public IReadOnlyList<FaqCategory> Categories { get; private set; } = [];

    public IReadOnlyList<DepartmentChoice> Departments { get; private set; } = [];

    /// <summary>Set for department staff: the list is theirs only and the department filter is fixed.</summary>
    public bool DepartmentOnly { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await actors.OfAsync(User, cancellationToken);
        if (!actor.EditsAll)
        {
            DepartmentOnly = true;
            // A department account without a department owns nothing: an id no FAQ has.
            Department = actor.DepartmentId ?? Guid.Empty;
        }

        Result = await query.ExecuteAsync(new FaqEditorListFilter(Text, Status, Visibility, Category, Department, PageNumber), cancellationToken);
        Categories = await query.FilterCategoriesAsync(cancellationToken);
        Departments = await staff.DepartmentsAsync(cancellationToken);
    }

    /// <summary>This list's URL with the same filters on another page.</summary>
    public string PageUrl(int page) => QueryString.Create(new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["q"] = Text,
        ["status"] = Status?.ToString(),
        ["visibility"] = Visibility?.ToString(),
        ["category"] = Category?.ToString(),
        ["department"] = Department?.ToString(),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent().Insert(0, "/console/faq");
}
