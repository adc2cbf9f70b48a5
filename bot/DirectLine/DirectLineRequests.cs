using System.Globalization;
using ConversationHub.Bot.DirectLine.Tokens;
using Microsoft.AspNetCore.Http;

namespace ConversationHub.Bot.DirectLine;

/// <summary>Small request helpers shared by the Direct Line handlers.</summary>
internal static class DirectLineRequests
{
    /// <summary>Reads the body into memory, refusing more than <paramref name="maxBytes"/>; null when too large.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The sequence to read after: empty, missing or malformed watermarks mean "from the start".</summary>
    public static long ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    public static string StreamUrl(HttpRequest request, Guid conversationId, string token, long? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var mark = watermark?.ToString(CultureInfo.InvariantCulture) ?? "";
        return $"{scheme}://{request.Host.ToUriComponent()}{request.PathBase}/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}&watermark={mark}";
    }

    public static string? BearerOf(HttpRequest request) => DirectLineAuthentication.BearerOf(request);
}
