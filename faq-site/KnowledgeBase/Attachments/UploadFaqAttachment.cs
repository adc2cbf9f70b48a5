using System.Security.Cryptography;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConversationHub.Faq.KnowledgeBase.Attachments;

/// <summary>
/// Attaches a PDF or an image to an FAQ: checks size and sniffed type, then stores metadata and bytes in one
/// transaction. A refusal is a reason code; the screen words it (resources).
/// </summary>
internal sealed class UploadFaqAttachment(FaqDbContext db, IOptions<FaqAttachmentOptions> options, TimeProvider time)
{
    public const int MaxFileNameLength = 255;

    /// <summary>The new attachment's id, or the reason it was refused.</summary>
    public async Task<(Guid? Id, AttachmentRefusal? Refusal)> ExecuteAsync(Guid faqId, string? fileName, long length, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var limits = options.Value;
        var name = CleanFileName(fileName);
        if (name.Length == 0 || length == 0)
        {
            return (null, AttachmentRefusal.Missing);
        }

        if (length > limits.MaxBytes)
        {
            return (null, AttachmentRefusal.TooLarge);
        }

        var faq = await db.Faqs.FirstOrDefaultAsync(f => f.Id == faqId, cancellationToken);
        if (faq is null)
        {
            return (null, AttachmentRefusal.FaqNotFound);
        }

        if (await db.Attachments.CountAsync(a => a.FaqId == faqId, cancellationToken) >= limits.MaxPerFaq)
        {
            return (null, AttachmentRefusal.TooMany);
        }

        // The declared length is the browser's word; read at most one byte more than allowed to be sure.
        using var buffer = new MemoryStream();
        await CopyAtMostAsync(content, buffer, limits.MaxBytes + 1, cancellationToken);
        if (buffer.Length > limits.MaxBytes)
        {
            return (null, AttachmentRefusal.TooLarge);
        }

        var bytes = buffer.ToArray();
        var type = AttachmentFileType.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, AttachmentFileType.HeaderLength)));
        if (type is null)
        {
            return (null, AttachmentRefusal.UnsupportedType);
        }

        if (!type.MatchesName(name))
        {
            return (null, AttachmentRefusal.NameDoesNotMatchContent);
        }

        var attachment = FaqAttachment.InDatabase(name, type.ContentType, bytes.Length);
        attachment.CreatedAtUtc = time.GetUtcNow().UtcDateTime;
        attachment.SortOrder = await db.Attachments.Where(a => a.FaqId == faqId).MaxAsync(a => (int?)a.SortOrder, cancellationToken) + 1 ?? 0;
        faq.Attachments.Add(attachment);
        db.Attachments.Add(attachment);
        db.AttachmentContents.Add(new FaqAttachmentContent(attachment.Id, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))));
        await db.SaveChangesAsync(cancellationToken);
        return (attachment.Id, null);
    }

    // Keeps the name shown to citizens and nothing else: no folders, no control characters.
    private static string CleanFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return name.Length <= MaxFileNameLength ? name : name[^MaxFileNameLength..];
    }

    private static async Task CopyAtMostAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while (target.Length < limit && (read = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - target.Length)), cancellationToken)) > 0)
        {
            await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }
    }
}

/// <summary>Why an upload was refused.</summary>
internal enum AttachmentRefusal
{
    Missing,
    FaqNotFound,
    TooLarge,
    TooMany,
    UnsupportedType,
    NameDoesNotMatchContent,
}
