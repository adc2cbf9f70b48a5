namespace ConversationHub.Handoff.Pages.Console.Admin;

/// <summary>An agent's routing profile as the user form posts it: categories one per line.</summary>
internal sealed class UserProfileForm
{
    public int? MaxChats { get; set; }

    public string? Categories { get; set; }

    public List<string> Languages { get; set; } = [];

    public string? PhoneTarget { get; set; }

    private static readonly char[] LineBreaks = ['\n', '\r'];

    public List<string> CategoryList() =>
        [.. (Categories ?? "").Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
