using System.IO.Compression;
using System.Security.Cryptography;
using ConversationHub.Faq.Editor;
using ConversationHub.Faq.KnowledgeBase.Csv;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Pages.Console.Faq;

/// <summary>
/// Bulk changes from a CSV file: an upload is always a dry run first; 「この内容で反映する」 posts the same file back
/// (compressed in the form, so any node can apply it and nothing is kept on the server between the two steps) with
/// the plan's hash, and applying refuses when the file or an FAQ it touches changed in between.
/// </summary>
[Authorize(Roles = FaqEditorRoles.EditorsAndAdministrators)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = MaxRequestBytes)]
internal sealed class ImportModel(PlanFaqCsvImport planner, ApplyFaqCsvImport applier) : PageModel
{
    private const int MaxRequestBytes = 2 * PlanFaqCsvImport.MaxFileBytes;

    public FaqCsvPlan? Plan { get; private set; }

    /// <summary>The uploaded file, gzip-compressed and Base64-encoded, for the apply form.</summary>
    public string? Payload { get; private set; }

    public string? FileName { get; private set; }

    /// <summary>A resource key of a message about the apply step, shown above the plan.</summary>
    public string? Message { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? Added { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Updated { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Deleted { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Message = "Import_FileRequired";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (file.Length > PlanFaqCsvImport.MaxFileBytes)
        {
            Message = "Import_TooLarge";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        FileName = Path.GetFileName(file.FileName);
        Plan = await planner.ExecuteAsync(bytes, cancellationToken);
        Payload = Compress(bytes);
        if (Plan.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string? payload, string? fileName, string? fileHash, string? planHash, CancellationToken cancellationToken)
    {
        var bytes = Decompress(payload);
        FileName = fileName;
        if (bytes is null || !string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), fileHash, StringComparison.Ordinal))
        {
            Message = "Import_FileChanged";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        FaqCsvApplyResult result;
        try
        {
            result = await applier.ExecuteAsync(bytes, planHash ?? "", StaffUser.IdOf(User), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another editor saved one of these FAQs between the check and the write (unique revision number).
            Plan = await planner.ExecuteAsync(bytes, cancellationToken);
            Payload = payload;
            Message = "Import_Stale";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (result.Outcome == FaqCsvApplyOutcome.Applied)
        {
            return Redirect($"/console/faq/import?added={result.Plan.Count(FaqCsvChangeKind.Add)}&updated={result.Plan.Count(FaqCsvChangeKind.Update)}&deleted={result.Plan.Count(FaqCsvChangeKind.Delete)}");
        }

        Plan = result.Plan;
        Payload = payload;
        Message = result.Outcome == FaqCsvApplyOutcome.Stale ? "Import_Stale" : "Import_NowInvalid";
        Response.StatusCode = result.Outcome == FaqCsvApplyOutcome.Stale ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private static string Compress(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    private static byte[]? Decompress(string? payload)
    {
        if (string.IsNullOrEmpty(payload))
        {
            return null;
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(payload)), CompressionMode.Decompress);
            using var output = new MemoryStream();
            // The form comes back from the browser: never inflate more than a file the dry run would accept.
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > PlanFaqCsvImport.MaxFileBytes)
                {
                    return null;
                }
            }

            return output.ToArray();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            return null;
        }
    }
}
