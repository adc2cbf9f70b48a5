using ConversationHub.Bot.DirectLine.Activities;
using ConversationHub.Bot.DirectLine.Tokens;
using ConversationHub.Bot.Engine;
using ConversationHub.Core.Conversations.Services;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.DirectLine;

/// <summary>What the Direct Line handlers share (one per request, from DI).</summary>
internal sealed class DirectLineServices(
    IConversationStore conversations,
    DirectLineTokenService tokens,
    DirectLineAuthentication authentication,
    BotTurnQueue turns,
    OutboundActivityWriter writer,
    IOptionsMonitor<DirectLineOptions> options,
    TimeProvider time,
    ILogger<DirectLineServices> logger)
{
    public IConversationStore Conversations { get; } = conversations;

    public DirectLineTokenService Tokens { get; } = tokens;

    public DirectLineAuthentication Authentication { get; } = authentication;

    public BotTurnQueue Turns { get; } = turns;

    public OutboundActivityWriter Writer { get; } = writer;

    public DirectLineOptions Options => options.CurrentValue;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;
}
