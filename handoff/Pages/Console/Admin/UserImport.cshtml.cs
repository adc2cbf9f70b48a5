using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Admin.Users;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Admin;

/// <summary>ユーザーのCSV取り込み: all rows checked first, nothing changed if one is wrong (see <see cref="StaffCsvImport"/>).</summary>
[Authorize(Roles = HubRoles.Administrator)]
[RequestSizeLimit(StaffCsvImport.MaxBytes + 64 * 1024)]
internal sealed class UserImportModel(StaffCsvImport import, IStringLocalizer<AdminUserStrings> strings) : PageModel
{
    public StaffImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Result = new StaffImportResult([new StaffImportError(0, strings["Import_Error_NoFile"])], 0, 0, []);
            return Page();
        }

        if (file.Length > StaffCsvImport.MaxBytes)
        {
            Result = new StaffImportResult([new StaffImportError(0, strings["Import_Error_Size", StaffCsvImport.MaxBytes / 1024 / 1024])], 0, 0, []);
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        Result = await import.ImportAsync(StaffActor.Of(HttpContext), buffer.ToArray(), cancellationToken);
        return Page();
    }
}
