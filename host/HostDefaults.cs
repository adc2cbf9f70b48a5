using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Localization;

namespace ConversationHub.Host;

/// <summary>Cross-cutting host set-up: logging, problem details, localization, OpenAPI, Razor Pages.</summary>
internal static class HostDefaults
{
    private static readonly CultureInfo[] SupportedCultures = [new("ja-JP"), new("en-US")];

    public static WebApplicationBuilder AddHostDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1");
        builder.Services.AddLocalization();
        builder.Services.AddRazorPages(options => options.Conventions.AuthorizeFolder("/Console"));
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("ja-JP");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
        });
        // Japanese text is written as characters, not as &#x...; escapes: a third of the bytes, and readable source.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        return builder;
    }

    public static WebApplication UseHostDefaults(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
        }

        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapHostDefaults(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
