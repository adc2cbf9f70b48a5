using System.Text.Json;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Console;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console;

/// <summary>
/// The phone simulator (電話シミュレーター): staff "call" a city number from the browser and hear the voicebot. The page is
/// a server-rendered shell whose labels come from <c>HandoffStrings.resx</c>; phone.js drives the call through the voice
/// simulator's JSON API (<see cref="PhoneSimulatorApi"/>) and takes the texts it builds itself from a JSON island. Between
/// calls it also rings for calls to its caller number (callbacks from a case), shown as coming from the city. With ACS as
/// the voice provider the API is not there and the page says so instead.
/// </summary>
[Authorize(Roles = HubRoles.Operator + "," + HubRoles.Supervisor + "," + HubRoles.Administrator)]
internal sealed class PhoneModel(LinkGenerator links, IStringLocalizer<HandoffStrings> strings, IConfiguration configuration) : PageModel
{
    private const string ScriptPrefix = "Phone_";

    public string ScriptPath => ConsoleAssets.PathOf("phone.js");

    public string StylePath => ConsoleAssets.PathOf("phone.css");

    /// <summary>The simulator API's base path; null when the voice provider is not the simulator.</summary>
    public string? ApiPath { get; private set; }

    /// <summary>The city's name (the FAQ site's), shown as who calls when a callback rings here.</summary>
    public string CityName { get; private set; } = "";

    /// <summary>The script's texts as JSON; the default encoder escapes <c>&lt;</c>, so it is safe inside a script element.</summary>
    public string TextsJson { get; private set; } = "{}";

    public void OnGet()
    {
        ApiPath = PhoneSimulatorApi.BasePath(links);
        CityName = configuration["FaqSite:CityName"] is { Length: > 0 } city ? city : strings["Chats_DefaultCity"];
        var texts = strings.GetAllStrings(includeParentCultures: true)
            .Where(s => s.Name.StartsWith(ScriptPrefix, StringComparison.Ordinal))
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        TextsJson = JsonSerializer.Serialize(texts);
    }
}
