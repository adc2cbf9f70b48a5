using Microsoft.Extensions.Options;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// Signs each try of a request with the access key (<see cref="AcsHmac"/>). It sits inside the retry pipeline, so a
/// retry gets a fresh date and signature while its repeatability headers stay the same.
/// </summary>
internal sealed class AcsHmacSigningHandler(IOptionsMonitor<VoiceOptions> options, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("An ACS request needs an absolute URI.");
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var date = AcsHmac.Date(time.GetUtcNow());
        var hash = AcsHmac.ContentHash(body);
        var signature = AcsHmac.Signature(options.CurrentValue.Acs.AccessKey!, request.Method.Method, uri.PathAndQuery, uri.Authority, date, hash);
        request.Headers.Remove("x-ms-date");
        request.Headers.Remove("x-ms-content-sha256");
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("x-ms-date", date);
        request.Headers.TryAddWithoutValidation("x-ms-content-sha256", hash);
        request.Headers.TryAddWithoutValidation("Authorization", AcsHmac.Authorization(signature));
        return await base.SendAsync(request, cancellationToken);
    }
}
