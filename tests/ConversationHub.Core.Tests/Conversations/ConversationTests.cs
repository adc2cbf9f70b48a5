using ConversationHub.Core.Conversations.Domain;

namespace ConversationHub.Core.Tests.Conversations;

public sealed class ConversationTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Transitions_BotQueuedAgentClosed_RaiseEventsInOrder()
    {
        var conversation = new Conversation(ConversationChannel.WebChat, "dl_user", Now);
        var agent = Guid.NewGuid();

        conversation.RequestHandoff("user_request", Now);
        conversation.AssignAgent(agent, Now.AddSeconds(9.9));
        conversation.Close("resolved", Now.AddMinutes(5));

        Assert.Equal(ConversationOwner.Closed, conversation.Owner);
        Assert.Equal(agent, conversation.AgentId);
        Assert.Equal(Now.AddMinutes(5), conversation.EndedAtUtc);
        Assert.Collection(
            conversation.Events,
            e => Assert.Equal(new HandoffRequested(conversation.Id, "user_request"), e),
            e => Assert.Equal(new AgentAssigned(conversation.Id, agent) { WaitMs = 9900, FirstAnswer = true }, e),
            e => Assert.Equal(new ConversationEnded(conversation.Id, ConversationOwner.Closed, "resolved") { AgentId = agent }, e));
        Assert.False(conversation.IsOpen);
    }

    [Fact]
    public void EnterProgram_SameThenAnother_KeepsTheFirstAndRefusesAnother()
    {
        // Issue 19: a conversation belongs to one program for its whole life.
        var conversation = new Conversation(ConversationChannel.WebChat, "dl_user", Now);
        var program = Guid.NewGuid();
        var version = conversation.Version;

        conversation.EnterProgram(program);
        conversation.EnterProgram(program);

        Assert.Equal(program, conversation.ProgramId);
        Assert.Equal(version, conversation.Version);
        Assert.Empty(conversation.Events);
        Assert.Throws<InvalidOperationException>(() => conversation.EnterProgram(Guid.NewGuid()));
        Assert.Throws<ArgumentException>(() => conversation.EnterProgram(Guid.Empty));
        Assert.Equal(program, conversation.ProgramId);
    }

    [Fact]
    public void Abandon_WhileQueued_EndsAsAbandoned()
    {
        var conversation = new Conversation(ConversationChannel.Line, "U123", Now);
        conversation.RequestHandoff("no_answer", Now);

        conversation.Abandon(Now.AddSeconds(42));

        Assert.Equal(ConversationOwner.Abandoned, conversation.Owner);
        Assert.Equal(42_000, Assert.IsType<ConversationEnded>(conversation.Events[^1]).WaitMs);
    }

    [Fact]
    public void Close_ByBot_IsAllowed()
    {
        var conversation = new Conversation(ConversationChannel.WebChat, "u", Now);

        conversation.Close("idle", Now);

        Assert.Equal(ConversationOwner.Closed, conversation.Owner);
    }

    public static TheoryData<string> IllegalMoves => ["bot-assign", "bot-abandon", "queued-close", "agent-handoff", "closed-handoff", "closed-close", "agent-assign"];

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Transition_Illegal_ThrowsNamingFromAndTo(string move)
    {
        var conversation = new Conversation(ConversationChannel.WebChat, "u", Now);
        var (from, act) = move.Split('-') switch
        {
            ["bot", var a] => ("Bot", a),
            ["queued", var a] => (Prepare(conversation, "queued"), a),
            ["agent", var a] => (Prepare(conversation, "agent"), a),
            ["closed", var a] => (Prepare(conversation, "closed"), a),
            _ => throw new ArgumentOutOfRangeException(nameof(move)),
        };
        var version = conversation.Version;

        var ex = Assert.Throws<ConversationStateException>(() => Act(conversation, act));

        Assert.Contains($"from {from} to", ex.Message, StringComparison.Ordinal);
        Assert.Equal(version, conversation.Version);
    }

    private static string Prepare(Conversation conversation, string state)
    {
        switch (state)
        {
            case "queued":
                conversation.RequestHandoff("r", Now);
                return "Queued";
            case "agent":
                conversation.RequestHandoff("r", Now);
                conversation.AssignAgent(Guid.NewGuid(), Now);
                return "Agent";
            default:
                conversation.Close("r", Now);
                return "Closed";
        }
    }

    private static void Act(Conversation conversation, string action)
    {
        switch (action)
        {
            case "assign": conversation.AssignAgent(Guid.NewGuid(), Now); break;
            case "abandon": conversation.Abandon(Now); break;
            case "close": conversation.Close("r", Now); break;
            default: conversation.RequestHandoff("r", Now); break;
        }
    }
}
