namespace ConversationHub.Core.Conversations.Domain;

/// <summary>
/// One citizen's conversation on one channel: the shared object of the bot, the queue and the agents.
/// The owner moves only through the transition methods, each of which checks the current owner.
/// </summary>
public sealed class Conversation
{
    private readonly List<ConversationEvent> _events = [];

    /// <summary>Starts a conversation owned by the bot.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="citizenKey">The citizen's id on the channel (a LINE user id, a Direct Line user id); personal data.</param>
    /// <param name="nowUtc">Creation time.</param>
    public Conversation(ConversationChannel channel, string citizenKey, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrEmpty(citizenKey);
        Id = Guid.CreateVersion7();
        Channel = channel;
        CitizenKey = citizenKey;
        Owner = ConversationOwner.Bot;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    private Conversation()
    {
        CitizenKey = "";
    }

    /// <summary>Surrogate key (time-ordered).</summary>
    public Guid Id { get; private set; }

    /// <summary>The channel.</summary>
    public ConversationChannel Channel { get; private set; }

    /// <summary>The citizen's id on the channel; encrypted at rest, found through <see cref="CitizenKeyHash"/>.</summary>
    public string CitizenKey { get; private set; }

    /// <summary>Keyed hash of channel and citizen key, for look-ups (set by the store).</summary>
    public string CitizenKeyHash { get; internal set; } = "";

    /// <summary>Who answers now.</summary>
    public ConversationOwner Owner { get; private set; }

    /// <summary>The agent who owns it while <see cref="Owner"/> is <see cref="ConversationOwner.Agent"/> (kept afterwards for history).</summary>
    public Guid? AgentId { get; private set; }

    /// <summary>The sequence number of the last transcript activity (0 when none).</summary>
    public long LastSequence { get; internal set; }

    /// <summary>Creation time (UTC).</summary>
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Last change (UTC).</summary>
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>When it was closed or abandoned (UTC).</summary>
    public DateTime? EndedAtUtc { get; private set; }

    /// <summary>
    /// Until when a conversation an agent closed still takes the citizen's answer to the satisfaction question (UTC);
    /// null when no answer is awaited.
    /// </summary>
    public DateTime? SurveyUntilUtc { get; private set; }

    /// <summary>Why the handoff was requested or the conversation ended (a short code such as <c>user_request</c>).</summary>
    public string? Reason { get; private set; }

    /// <summary>
    /// The program (施策) whose entry the conversation came through (a program's web chat link, LINE keyword or phone
    /// number); null for the city's standing service. Its contact events and cases carry it, so reports filter by it.
    /// </summary>
    public Guid? ProgramId { get; private set; }

    /// <summary>
    /// The language the citizen chose (a BCP 47 primary tag: <c>ja</c>, <c>en</c>, <c>zh</c>, <c>ko</c>): the bot's
    /// prompts and answers use it where translations exist, the console shows it, and routing offers the conversation to
    /// agents who speak it.
    /// </summary>
    public string Language { get; private set; } = "ja";

    /// <summary>Optimistic concurrency: two nodes cannot both move the owner.</summary>
    public int Version { get; private set; }

    /// <summary>Events raised by transitions since load; published after commit.</summary>
    public IReadOnlyList<ConversationEvent> Events => _events;

    /// <summary>Whether the conversation still accepts messages.</summary>
    public bool IsOpen => Owner is ConversationOwner.Bot or ConversationOwner.Queued or ConversationOwner.Agent;

    /// <summary>bot → queued; <paramref name="category"/> is what the conversation was about, when known.</summary>
    public void RequestHandoff(string reason, DateTime nowUtc, string? category = null)
    {
        Move(ConversationOwner.Queued, nowUtc, ConversationOwner.Bot);
        Reason = reason;
        _events.Add(new HandoffRequested(Id, reason, category));
    }

    /// <summary>queued → agent.</summary>
    public void AssignAgent(Guid agentId, DateTime nowUtc)
    {
        // While queued nothing else moves UpdatedAtUtc, so it is when this wait began (the hand-off or the requeue).
        var waitMs = WaitSince(nowUtc);
        var firstAnswer = AgentId is null;
        Move(ConversationOwner.Agent, nowUtc, ConversationOwner.Queued);
        AgentId = agentId;
        _events.Add(new AgentAssigned(Id, agentId) { WaitMs = waitMs, FirstAnswer = firstAnswer });
    }

    /// <summary>
    /// agent → queued: the agent's console was closed or lost its connection past the grace period, or a supervisor
    /// took the chat back. The conversation goes to the head of the queue, its transcript intact.
    /// </summary>
    public void Requeue(string reason, DateTime nowUtc)
    {
        var previous = AgentId ?? Guid.Empty;
        Move(ConversationOwner.Queued, nowUtc, ConversationOwner.Agent);
        Reason = reason;
        _events.Add(new ConversationRequeued(Id, previous, reason));
    }

    /// <summary>agent → agent: the owning agent (or a supervisor) hands the conversation to another agent.</summary>
    public void Transfer(Guid toAgentId, DateTime nowUtc)
    {
        var from = AgentId ?? Guid.Empty;
        if (from == toAgentId)
        {
            throw new ConversationStateException(Id, Owner, ConversationOwner.Agent);
        }

        Move(ConversationOwner.Agent, nowUtc, ConversationOwner.Agent);
        AgentId = toAgentId;
        _events.Add(new ConversationTransferred(Id, from, toAgentId));
    }

    /// <summary>bot → closed (idle, citizen left) or agent → closed (the agent closes).</summary>
    public void Close(string reason, DateTime nowUtc) => Close(reason, nowUtc, null);

    private void Close(string reason, DateTime nowUtc, string? wrapUpCode)
    {
        var byAgent = Owner == ConversationOwner.Agent;
        Move(ConversationOwner.Closed, nowUtc, ConversationOwner.Bot, ConversationOwner.Agent);
        Reason = reason;
        EndedAtUtc = nowUtc;
        _events.Add(new ConversationEnded(Id, ConversationOwner.Closed, reason) { AgentId = byAgent ? AgentId : null, WrapUpCode = wrapUpCode });
    }

    /// <summary>queued → abandoned (the citizen left before an agent joined).</summary>
    public void Abandon(DateTime nowUtc)
    {
        var waitMs = WaitSince(nowUtc);
        Move(ConversationOwner.Abandoned, nowUtc, ConversationOwner.Queued);
        Reason = "left_queue";
        EndedAtUtc = nowUtc;
        _events.Add(new ConversationEnded(Id, ConversationOwner.Abandoned, Reason) { WaitMs = waitMs });
    }

    /// <summary>
    /// agent → closed by the agent with its <paramref name="wrapUpCode"/>, awaiting the citizen's satisfaction answer
    /// until <paramref name="surveyUntilUtc"/>.
    /// </summary>
    public void CloseByAgent(string reason, DateTime nowUtc, DateTime surveyUntilUtc, string? wrapUpCode = null)
    {
        if (Owner != ConversationOwner.Agent)
        {
            throw new ConversationStateException(Id, Owner, ConversationOwner.Closed);
        }

        Close(reason, nowUtc, wrapUpCode);
        SurveyUntilUtc = surveyUntilUtc;
    }

    /// <summary>Whether a citizen's message is still taken after the end, as the answer to the satisfaction question.</summary>
    public bool AwaitsSurveyAnswer(DateTime nowUtc) => Owner == ConversationOwner.Closed && SurveyUntilUtc > nowUtc;

    /// <summary>The satisfaction question is answered (or no longer awaited).</summary>
    public void EndSurvey(DateTime nowUtc)
    {
        SurveyUntilUtc = null;
        UpdatedAtUtc = nowUtc;
        Version++;
    }

    /// <summary>
    /// Tags the conversation with the program it entered through. A conversation belongs to one program for its whole
    /// life: tagging it again with the same program changes nothing, and with another one is refused.
    /// </summary>
    /// <exception cref="InvalidOperationException">It already belongs to another program.</exception>
    public void EnterProgram(Guid programId)
    {
        if (programId == Guid.Empty)
        {
            throw new ArgumentException("A program id is required.", nameof(programId));
        }

        if (ProgramId is { } current && current != programId)
        {
            throw new InvalidOperationException($"Conversation {Id} already belongs to program {current}, not {programId}.");
        }

        // Not an owner transition: Version and UpdatedAtUtc (the queue's wait clock) stay as they are.
        ProgramId = programId;
    }

    /// <summary>Sets the citizen's language (a lowercase BCP 47 primary tag of 2–3 letters).</summary>
    /// <exception cref="ArgumentException">Not such a tag.</exception>
    public void ChooseLanguage(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (language.Length is < 2 or > 3 || !language.All(char.IsAsciiLetterLower))
        {
            throw new ArgumentException("A lowercase BCP 47 primary language tag is required.", nameof(language));
        }

        // Not an owner transition: Version and UpdatedAtUtc stay as they are.
        Language = language;
    }

    /// <summary>Forgets the raised events once they are published.</summary>
    public void ClearEvents() => _events.Clear();

    // Whole milliseconds, rounded: a wait of 10.1 s is 10100 ms, not 10099.999….
    private long WaitSince(DateTime nowUtc) => Math.Max(0, (long)Math.Round((nowUtc - UpdatedAtUtc).TotalMilliseconds));

    private void Move(ConversationOwner to, DateTime nowUtc, params ConversationOwner[] allowedFrom)
    {
        if (Array.IndexOf(allowedFrom, Owner) < 0)
        {
            throw new ConversationStateException(Id, Owner, to);
        }

        Owner = to;
        UpdatedAtUtc = nowUtc;
        Version++;
    }
}
