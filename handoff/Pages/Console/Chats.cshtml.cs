using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console;

/// <summary>
/// The agents' live-chat console: the server renders the shell and every label; <c>chats.js</c> fills it over the
/// agents' hub (<c>/hubs/agents</c>). Texts the script needs travel in a JSON island, never as literals in the script.
/// </summary>
[Authorize(Roles = HubRoles.Operator + "," + HubRoles.Supervisor)]
internal sealed class ChatsModel(IConfiguration configuration, IAntiforgery antiforgery, IStringLocalizer<HandoffStrings> strings, IStringLocalizer<ProgramLanguageStrings> languages) : PageModel
{
    // The script reads its labels by these prefixes (its own, and the presence labels the snapshot does not carry).
    private static readonly string[] ScriptPrefixes = ["Chats_", "Status_"];

    /// <summary>The city's name for the {city} placeholder of canned responses (the FAQ site's setting).</summary>
    public string CityName { get; private set; } = "";

    /// <summary>The origin FAQ links sent to citizens start with: the FAQ site's public origin, else this request's.</summary>
    public string PublicBaseUrl { get; private set; } = "";

    /// <summary>The anti-forgery request token for the script's POSTs (header <c>RequestVerificationToken</c>).</summary>
    public string RequestToken { get; private set; } = "";

    /// <summary>The labels the script shows, by resource key.</summary>
    public IReadOnlyDictionary<string, string> ScriptTexts { get; private set; } = new Dictionary<string, string>();

    public void OnGet()
    {
        // handoff cannot reference faq-site, so its settings are read by name.
        CityName = configuration["FaqSite:CityName"] is { Length: > 0 } city ? city : strings["Chats_DefaultCity"];
        PublicBaseUrl = (configuration["FaqSite:PublicBaseUrl"] is { Length: > 0 } origin ? origin : $"{Request.Scheme}://{Request.Host}").TrimEnd('/');
        RequestToken = antiforgery.GetAndStoreTokens(HttpContext).RequestToken ?? "";
        var texts = strings.GetAllStrings(includeParentCultures: true)
            .Where(s => ScriptPrefixes.Any(p => s.Name.StartsWith(p, StringComparison.Ordinal)))
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        ScriptTexts = ConversationHub.Handoff.Programs.Languages.ConversationLanguageLabels.With(texts, languages);
    }
}
