using System.Text.Json.Nodes;
using ConversationHub.Bot.DirectLine.Activities;
using ConversationHub.Bot.DirectLine.Uploads;
using ConversationHub.Bot.DirectLine.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ConversationHub.Bot.DirectLine.Apis;

/// <summary>
/// <c>POST /conversations/{id}/upload?userId=</c> (spec §6: an <c>activity</c> part, then one <c>file</c> part per
/// attachment) and <c>GET /conversations/{id}/attachments/{key}</c>, which serves the stored files back.
/// </summary>
internal static class DirectLineUploadApi
{
    private const int SniffBytes = 12;

    public static RouteGroupBuilder MapDirectLineUploadApi(this RouteGroupBuilder group)
    {
        group.MapPost("/conversations/{id}/upload", UploadAsync).WithName("DirectLineUpload").DisableAntiforgery();
        group.MapGet("/conversations/{id}/attachments/{key}", GetAttachmentAsync).WithName("DirectLineAttachment");
        return group;
    }

    /// <summary>
    /// Checks every file first (at most <see cref="DirectLineOptions.MaxUploadFiles"/>, each at most
    /// <see cref="DirectLineOptions.MaxUploadFileBytes"/>: 413; an allowed type whose first bytes match: 415), then
    /// stores them, points each attachment's <c>contentUrl</c> at its file and stores the activity like a send.
    /// </summary>
    public static async Task<Results<Ok<ResourceResponse>, JsonHttpResult<DirectLineErrorResponse>>> UploadAsync(
        string id, HttpRequest request, DirectLineServices services, IDirectLineUploadStore store, CancellationToken cancellationToken)
    {
        var (conversation, token, error) = await DirectLineActivitiesApi.AuthorizeAsync(id, request, services, cancellationToken);
        if (conversation is null || token is null)
        {
            return error!;
        }

        var options = services.Options;
        if (!request.HasFormContentType)
        {
            return DirectLineErrors.BadArgument("An upload is multipart/form-data.");
        }

        var maxBody = (options.MaxUploadFiles * options.MaxUploadFileBytes) + options.MaxActivityBytes + 65536;
        if (request.ContentLength > maxBody)
        {
            return DirectLineErrors.TooLarge($"At most {options.MaxUploadFiles} files of {options.MaxUploadFileBytes} bytes each.");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBody;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = options.MaxUploadFileBytes, ValueCountLimit = 16 }, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return DirectLineErrors.TooLarge($"At most {options.MaxUploadFiles} files of {options.MaxUploadFileBytes} bytes each.");
        }

        var files = form.Files.GetFiles("file");
        var fileError = await CheckFilesAsync(files, options, cancellationToken);
        if (fileError is not null)
        {
            DirectLineLog.ActivityRejected(services.Logger, conversation.Id, fileError.Value?.Error.Code ?? "Rejected");
            return fileError;
        }

        var (activity, invalid) = await ReadActivityAsync(form, options, cancellationToken);
        if (activity is null)
        {
            return DirectLineErrors.BadArgument(invalid!);
        }

        await AttachAsync(activity.Json, files, conversation.Id, store, cancellationToken);
        DirectLineLog.FilesUploaded(services.Logger, files.Count, conversation.Id);
        return await DirectLineActivitiesApi.StoreAsync(conversation, token.UserId, activity, services, cancellationToken);
    }

    /// <summary>A stored file, for the conversation's token holder or anyone with a valid signed link.</summary>
    public static async Task<Results<FileStreamHttpResult, JsonHttpResult<DirectLineErrorResponse>>> GetAttachmentAsync(
        string id, string key, string? s, HttpRequest request, IDirectLineUploadStore store, AttachmentLinks links, DirectLineServices services, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var conversationId))
        {
            return DirectLineErrors.ConversationNotFound();
        }

        if (!links.Verify(AttachmentLinks.PathOf(conversationId, key), s))
        {
            var (token, error) = services.Authentication.AuthorizeConversation(DirectLineRequests.BearerOf(request), conversationId);
            if (token is null)
            {
                return error!;
            }
        }

        var extension = Path.GetExtension(key).TrimStart('.');
        var stream = await store.OpenReadAsync(conversationId, key, cancellationToken);
        if (stream is null || UploadContentTypes.ContentTypeOf(extension) is not { } contentType)
        {
            stream?.Dispose();
            return DirectLineErrors.Create(StatusCodes.Status404NotFound, "NotFound", "No such file.");
        }

        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        request.HttpContext.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.Stream(stream, contentType);
    }

    private static async Task<JsonHttpResult<DirectLineErrorResponse>?> CheckFilesAsync(IReadOnlyList<IFormFile> files, DirectLineOptions options, CancellationToken cancellationToken)
    {
        if (files.Count > options.MaxUploadFiles)
        {
            return DirectLineErrors.TooLarge($"At most {options.MaxUploadFiles} files at once.");
        }

        foreach (var file in files)
        {
            if (file.Length > options.MaxUploadFileBytes)
            {
                return DirectLineErrors.TooLarge($"A file may have at most {options.MaxUploadFileBytes} bytes.");
            }

            var extension = UploadContentTypes.ExtensionOf(file.ContentType);
            var head = new byte[SniffBytes];
            int read;
            await using (var content = file.OpenReadStream())
            {
                read = await content.ReadAtLeastAsync(head, SniffBytes, throwOnEndOfStream: false, cancellationToken);
            }

            if (extension is null || !UploadContentTypes.Matches(extension, head.AsSpan(0, read)))
            {
                return DirectLineErrors.UnsupportedMediaType("Only JPEG, PNG, GIF, WebP images and PDF files can be sent.");
            }
        }

        return null;
    }

    private static async Task<(InboundActivity? Activity, string? Error)> ReadActivityAsync(IFormCollection form, DirectLineOptions options, CancellationToken cancellationToken)
    {
        var part = form.Files.GetFile("activity");
        if (part is null)
        {
            // Some clients send the activity as a plain field; none at all means a bare message with the files.
            return form.TryGetValue("activity", out var field) && !string.IsNullOrEmpty(field)
                ? InboundActivityReader.Read(System.Text.Encoding.UTF8.GetBytes(field.ToString()), options)
                : InboundActivityReader.Read(new JsonObject { ["type"] = "message" }, options);
        }

        if (part.Length > options.MaxActivityBytes)
        {
            return (null, $"An activity may have at most {options.MaxActivityBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        await using (var content = part.OpenReadStream())
        {
            await content.CopyToAsync(buffer, cancellationToken);
        }

        return InboundActivityReader.Read(buffer.ToArray(), options);
    }

    private static async Task AttachAsync(JsonObject activity, IReadOnlyList<IFormFile> files, Guid conversationId, IDirectLineUploadStore store, CancellationToken cancellationToken)
    {
        if (activity["attachments"] is not JsonArray attachments)
        {
            attachments = [];
            activity["attachments"] = attachments;
        }

        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var extension = UploadContentTypes.ExtensionOf(file.ContentType)!;
            string key;
            await using (var content = file.OpenReadStream())
            {
                key = await store.SaveAsync(conversationId, extension, content, cancellationToken);
            }

            if (i >= attachments.Count || attachments[i] is not JsonObject attachment)
            {
                attachment = new JsonObject { ["name"] = Path.GetFileName(file.FileName) };
                attachments.Add(attachment);
            }

            attachment["contentType"] = UploadContentTypes.ContentTypeOf(extension);
            attachment["contentUrl"] = AttachmentLinks.PathOf(conversationId, key);
        }
    }
}
