namespace ConversationHub.Bot.Benchmark;

/// <summary>
/// The <c>Bot:LoadDiagnostics</c> section: the memory reading that <c>bot load</c> takes from the server it starts, and
/// the run that server belongs to.
/// </summary>
public sealed class LoadDiagnosticsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Bot:LoadDiagnostics";

    /// <summary>
    /// A secret generated for one load run and given to the server it starts. Empty (the default): the memory
    /// endpoint answers 404 to everyone, so a production node never exposes it.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// The <c>bot load</c> process that started this server: the server stops when that process is gone. Null (the
    /// default): not started by a load run.
    /// </summary>
    public int? ParentProcessId { get; set; }
}
