using ConversationHub.Faq.Editor;
using ConversationHub.Faq.Search.Misses;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationHub.Faq.Pages.Console.Faq;

/// <summary>Searches that found nothing or nothing confident (queries masked when logged), with a way to write the missing FAQ.</summary>
[Authorize(Roles = FaqEditorRoles.EditorsAndAdministrators)]
internal sealed class MissesModel(SearchMissReport report) : PageModel
{
    public static readonly int[] DayChoices = [7, 30, 90];

    public const int Rows = 100;

    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 7;

    public MissReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!DayChoices.Contains(Days))
        {
            Days = DayChoices[0];
        }

        Report = await report.ExecuteAsync(Days, Rows, cancellationToken);
    }
}
