using System.Text.Json;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Console;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Pages.Console;

/// <summary>
/// The supervisor view: live figures, agents, live chats and the queue. The page is a server-rendered shell whose labels
/// come from <c>HandoffStrings.resx</c>; supervisor.js fills it over the consoles' hub (<c>GetSupervisorBoard</c>) and
/// takes the texts it builds itself from a JSON island, so no UI language lives in the script.
/// </summary>
[Authorize(Roles = HubRoles.Supervisor)]
internal sealed class SupervisorModel(IStringLocalizer<HandoffStrings> strings, IOptionsMonitor<HandoffOptions> options, IStringLocalizer<ProgramLanguageStrings> languages) : PageModel
{
    // The script's texts: its own (Supervisor_) and the 離席 reasons' labels (Away_), which the board sends as codes.
    private static readonly string[] ScriptPrefixes = ["Supervisor_", "Away_"];

    public string SignalRPath => ConsoleAssets.SignalRPath;

    public string ScriptPath => ConsoleAssets.PathOf("supervisor.js");

    public string StylePath => ConsoleAssets.PathOf("supervisor.css");

    /// <summary>The target wait in seconds, shown with 目標時間内応答率 before the first refresh.</summary>
    public int TargetWaitSeconds { get; private set; }

    /// <summary>The script's texts as JSON; the default encoder escapes <c>&lt;</c>, so it is safe inside a script element.</summary>
    public string TextsJson { get; private set; } = "{}";

    public void OnGet()
    {
        TargetWaitSeconds = (int)options.CurrentValue.TargetWait.TotalSeconds;
        var texts = strings.GetAllStrings(includeParentCultures: true)
            .Where(s => ScriptPrefixes.Any(p => s.Name.StartsWith(p, StringComparison.Ordinal)))
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        TextsJson = JsonSerializer.Serialize(ConversationHub.Handoff.Programs.Languages.ConversationLanguageLabels.With(texts, languages));
    }
}
