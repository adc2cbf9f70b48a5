using System.Net.Http.Headers;
using System.Text.Json;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>The JSON plumbing both ACS clients share: serialize, add repeatability headers, send, map errors.</summary>
internal static class AcsRestSender
{
    internal const string RequestIdHeader = "Repeatability-Request-ID";
    internal const string FirstSentHeader = "Repeatability-First-Sent";

    /// <summary>Marks a request that may be sent again without a second effect; only these are retried.</summary>
    internal static readonly HttpRequestOptionsKey<bool> Idempotent = new("ConversationHub.Acs.Idempotent");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    internal static HttpRequestMessage Create<TBody>(HttpMethod method, string pathAndQuery, TBody? body, AcsRepeatability? repeatability, bool idempotent = false)
    {
        var request = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.Relative));
        request.Options.Set(Idempotent, idempotent || repeatability is not null || method == HttpMethod.Delete || method == HttpMethod.Get);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Json));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        else if (method == HttpMethod.Post)
        {
            // ACS's POST actions without a body (terminate, cancel media) still expect a JSON content type.
            request.Content = new ByteArrayContent([]);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (repeatability is { } r)
        {
            request.Headers.TryAddWithoutValidation(RequestIdHeader, r.RequestIdText);
            request.Headers.TryAddWithoutValidation(FirstSentHeader, r.FirstSentText);
        }

        return request;
    }

    internal static async Task<TResult?> SendAsync<TResult>(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        using (var response = await http.SendAsync(request, cancellationToken))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await ErrorAsync(response, cancellationToken);
            }

            if (typeof(TResult) == typeof(object) || response.Content.Headers.ContentLength == 0)
            {
                return default;
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return bytes.Length == 0 ? default : JsonSerializer.Deserialize<TResult>(bytes, Json);
        }
    }

    private static async Task<AcsRequestException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? code = null;
        string? message = null;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (bytes.Length > 0)
            {
                using var document = JsonDocument.Parse(bytes);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    code = error.TryGetProperty("code", out var c) ? c.ToString() : null;
                    message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                }
            }
        }
        catch (JsonException)
        {
            // Not ACS's error shape (a proxy's HTML page, say): the status alone tells the caller enough.
        }

        return new AcsRequestException(response.StatusCode, code, message);
    }
}
