using System.Net;
using ConversationHub.Core.Http;
using ConversationHub.Handoff.Inquiry;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// The public forms are limited by the inquiry form's policy (<see cref="InquiryRateLimits.Policy"/>: final
/// submissions, <c>?handler=submit</c>, per client address), so a script cannot flood either; a refused citizen under
/// <c>/programs</c> gets 429 with <c>Retry-After</c> and a line of plain Japanese.
/// </summary>
internal static class PublicFormRateLimits
{
    public static void Configure(RateLimiterOptions limiter) =>
        limiter.AddRejectionHandler("/programs", async (rejected, cancellationToken) =>
        {
            var http = rejected.HttpContext;
            var window = http.RequestServices.GetRequiredService<IOptionsMonitor<InquiryOptions>>().CurrentValue.RateLimitWindow;
            var strings = http.RequestServices.GetRequiredService<IStringLocalizer<ProgramFormStrings>>();
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            var wait = ClientRateLimits.SetRetryAfter(http.Response, rejected.Lease, window);
            http.Response.Headers.CacheControl = "no-store";
            http.Response.ContentType = "text/html; charset=utf-8";
            var text = WebUtility.HtmlEncode(strings["Public_Limited", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))].Value);
            await http.Response.WriteAsync($"<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\" /><title>{text}</title></head><body><main><h1>{text}</h1></main></body></html>", cancellationToken);
        });
}
