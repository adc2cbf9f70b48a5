using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationHub.Host;

/// <summary>
/// Answers addresses no endpoint matched. Without it the fallback authorization policy sends every unknown address to
/// the staff sign-in, so a citizen's stale link landed on 職員サインイン. Now: under <c>/api/</c> a problem-JSON 404;
/// under <c>/console/</c> sign-in first (the fallback policy's challenge), then the 404 page; anywhere else the
/// Japanese 404 page with the search box. It acts only when routing found nothing, so routing's own answers
/// (405 for a wrong method, 415 for a wrong content type) and every asset and webhook endpoint stay as they are.
/// </summary>
internal static class UnknownAddresses
{
    /// <summary>The Razor page shown for an unknown address (faq-site/Pages/NotFound.cshtml).</summary>
    private const string NotFoundPage = "/NotFound";

    /// <summary>Runs after authentication (a signed-in user's unknown console address is a 404, not a sign-in) and before authorization.</summary>
    public static WebApplication UseUnknownAddressAnswers(this WebApplication app)
    {
        var notFoundPage = new Lazy<Endpoint>(() => FindPage(app.Services.GetRequiredService<EndpointDataSource>()));
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is not null || context.Response.HasStarted)
            {
                return next(context);
            }

            var path = context.Request.Path;
            if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "Not found",
                    detail: $"No API answers {context.Request.Method} {path}. See /openapi/v1.json for the API.").ExecuteAsync(context);
            }

            if (path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase) && context.User.Identity?.IsAuthenticated != true)
            {
                // No endpoint: authorization applies the fallback policy, which asks for sign-in.
                return next(context);
            }

            // The 404 page runs as if routing had chosen it, through authorization (anonymous) and the endpoint middleware.
            context.SetEndpoint(notFoundPage.Value);
            context.Request.RouteValues["page"] = NotFoundPage;
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return next(context);
        });
        return app;
    }

    private static Endpoint FindPage(EndpointDataSource endpoints) =>
        endpoints.Endpoints.SingleOrDefault(e => e.Metadata.GetMetadata<PageActionDescriptor>() is { ViewEnginePath: NotFoundPage, AreaName: null })
        ?? throw new InvalidOperationException($"The Razor page {NotFoundPage} is not mapped.");
}
