using System.Text.Json;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Console;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Admin;

/// <summary>
/// The phone lines and their emergency switch (代表電話の切替). The page is a server-rendered shell; <c>phone-lines.js</c>
/// reads and changes the lines through the phone module's API (<c>/api/voice/lines</c>) from the browser, because handoff
/// does not reference voice-bridge. Holders of <see cref="HubRoles.PhoneSwitch"/> see the lines and switch them;
/// administrators also add, edit and remove lines (the API enforces the same rules).
/// </summary>
[Authorize(Roles = HubRoles.Administrator + "," + HubRoles.PhoneSwitch)]
internal sealed class PhoneLinesModel(IStringLocalizer<HandoffStrings> strings) : PageModel
{
    public string ScriptPath => ConsoleAssets.PathOf("phone-lines.js");

    public string StylePath => ConsoleAssets.PathOf("phone-lines.css");

    /// <summary>Whether the form to add and edit lines is offered.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>The call menu's languages, in the phone module's order (its <c>CallLanguage.All</c>).</summary>
    public IReadOnlyList<string> Languages { get; } = ["ja", "en", "zh", "ko", "es", "pt"];

    /// <summary>The script's texts as JSON; the default encoder escapes <c>&lt;</c>, so it is safe inside a script element.</summary>
    public string TextsJson { get; private set; } = "{}";

    public void OnGet()
    {
        CanEdit = User.IsInRole(HubRoles.Administrator);
        var texts = strings.GetAllStrings(includeParentCultures: true)
            .Where(s => s.Name.StartsWith("PhoneLines_", StringComparison.Ordinal))
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        TextsJson = JsonSerializer.Serialize(texts);
    }
}
