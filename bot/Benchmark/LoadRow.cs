namespace ConversationHub.Bot.Benchmark;

/// <summary>
/// The figures of one server in a <c>bot load</c> run (the platform, or the echo ceiling). Latencies in milliseconds
/// from the question's scheduled send time; memory in bytes after a forced full collection in the server process;
/// CPU time of the server process while questions were sent and answered, per question sent. For LINE, the calls
/// (reply or push) that carried each answer: one per turn is the contract, so a mean or a maximum above 1 is a bug;
/// null for Direct Line, whose answers arrive on a socket.
/// </summary>
internal sealed record LoadRow(
    string Server,
    string Database,
    int Conversations,
    int Opened,
    int Sent,
    int Answered,
    int Errors,
    double DurationSeconds,
    double AnswersPerSecond,
    double MessagesPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    long GcHeapBeforeBytes,
    long GcHeapIdleBytes,
    long WorkingSetBeforeBytes,
    long WorkingSetIdleBytes,
    double ServerCpuMsPerQuestion,
    double? ReplyCallsPerTurn = null,
    int? MaxReplyCallsPerTurn = null)
{
    public double GcHeapPerConversationBytes => Opened == 0 ? 0 : (GcHeapIdleBytes - GcHeapBeforeBytes) / (double)Opened;

    public double WorkingSetPerConversationBytes => Opened == 0 ? 0 : (WorkingSetIdleBytes - WorkingSetBeforeBytes) / (double)Opened;
}
