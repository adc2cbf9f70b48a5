using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Line.Client;

/// <summary>
/// The Messaging API calls we make, on the configured origins (tests point them at a local stub). It never throws
/// for an HTTP failure: callers decide from <see cref="LineApiResult"/> whether to retry.
/// </summary>
internal sealed class LineMessagingClient(HttpClient http, IOptionsMonitor<LineChannelOptions> options)
{
    public const string RetryKeyHeader = "X-Line-Retry-Key";

    public Task<LineApiResult> ReplyAsync(LineReplyRequest request, CancellationToken cancellationToken) =>
        PostAsync("/v2/bot/message/reply", request, LineJsonContext.Default.LineReplyRequest, null, cancellationToken);

    public Task<LineApiResult> PushAsync(LinePushRequest request, Guid retryKey, CancellationToken cancellationToken) =>
        PostAsync("/v2/bot/message/push", request, LineJsonContext.Default.LinePushRequest, retryKey, cancellationToken);

    public Task<LineApiResult> ShowLoadingAsync(string userId, CancellationToken cancellationToken) =>
        ShowLoadingAsync(userId, options.CurrentValue.LoadingSeconds, cancellationToken);

    /// <summary>The loading animation for <paramref name="loadingSeconds"/> (5–60, a multiple of 5), or until our next message.</summary>
    public Task<LineApiResult> ShowLoadingAsync(string userId, int loadingSeconds, CancellationToken cancellationToken) =>
        PostAsync("/v2/bot/chat/loading/start", new LineLoadingRequest(userId, loadingSeconds), LineJsonContext.Default.LineLoadingRequest, null, cancellationToken);

    /// <summary>The content of a message the citizen sent (an image), or null when LINE has none or it is too large.</summary>
    public async Task<(byte[] Bytes, string ContentType)?> GetContentAsync(string messageId, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.DataApiBaseUrl, $"/v2/bot/message/{Uri.EscapeDataString(messageId)}/content"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ChannelAccessToken);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > settings.MaxImageBytes)
        {
            return null;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return bytes.Length > settings.MaxImageBytes ? null : (bytes, response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream");
    }

    private async Task<LineApiResult> PostAsync<T>(string path, T body, JsonTypeInfo<T> typeInfo, Guid? retryKey, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBaseUrl, path))
        {
            Content = JsonContent.Create(body, typeInfo),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ChannelAccessToken);
        if (retryKey is { } key)
        {
            request.Headers.Add(RetryKeyHeader, key.ToString());
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new LineApiResult((int)response.StatusCode, null);
            }

            return new LineApiResult((int)response.StatusCode, await ReadErrorAsync(response, cancellationToken), response.Headers.RetryAfter?.Delta);
        }
        catch (HttpRequestException ex)
        {
            return new LineApiResult(0, ex.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new LineApiResult(0, "timeout");
        }
    }

    private static async Task<string?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync(LineJsonContext.Default.LineErrorResponse, cancellationToken);
            return error?.Message is { Length: > 200 } tooLong ? tooLong[..200] : error?.Message;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
