namespace ConversationHub.Handoff.Programs.Disposal;

/// <summary>What started a disposal.</summary>
internal static class ProgramDisposalTriggers
{
    /// <summary>The program's disposal date came (the hosted service).</summary>
    public const string Scheduled = "scheduled";

    /// <summary>An administrator confirmed it in the console.</summary>
    public const string Console = "console";

    /// <summary>An administrator ran <c>programs dispose</c>.</summary>
    public const string Command = "command";
}
