using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Localization;
using ConversationHub.Core.Identity.SignIn;

namespace ConversationHub.Host;

/// <summary>Cross-cutting host set-up: logging, problem details, localization, OpenAPI, Razor Pages.</summary>
internal static class HostSetup
{
    private static readonly CultureInfo[] SupportedCultures = [new("ja-JP"), new("en-US")];

    /// <summary>
    /// Configuration files ship next to the binaries, so the host reads them from there whatever the working
    /// directory; relative data paths (<c>data/…</c>) stay relative to the working directory, as README says.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    public static WebApplicationBuilder AddHostDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        // Citizens paste long text into the search box: a 10,000-character query must reach the search page's Japanese
        // 400 rather than Kestrel's bare 414 (URL too long). Raised only that far; see SearchQueryText.
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestLineSize = ConversationHub.Faq.Search.Service.SearchQueryText.MaxRequestLineBytes);
        // API callers send and receive enum values by name ("Public"), never by number.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        // Lets in-flight requests finish and hosted services stop cleanly on SIGTERM.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(20));
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
        builder.Services.AddOptions<SecurityHeaderOptions>().BindConfiguration(SecurityHeaderOptions.SectionName);
        builder.AddStaffNetworks();
        return builder;
    }

    public static WebApplication UseHostDefaults(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePages();
        // Direct Line's streamUrl is a WebSocket; its CORS policy and token rate limit are endpoint metadata.
        app.UseWebSockets();
        app.UseCors();
        app.UseRequestLocalization();
        app.UseStaffNetworks();
        app.UseAuthentication();
        app.UseStaffSignInSteps();
        app.UseUnknownAddressAnswers();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>
    /// Runs until shutdown. A start-up failure caused by configuration (invalid options, unreachable database)
    /// ends with exit code 1 and one readable line naming the setting, instead of a crash dump.
    /// </summary>
    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"ConversationHub could not start: {ex.Message}");
            return 1;
        }
    }

    public static WebApplication MapHostDefaults(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
