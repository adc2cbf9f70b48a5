using ConversationHub.Core.Events;

namespace ConversationHub.Handoff.Routing;

/// <summary>Wakes the router before its next tick (a handoff, an accept, a presence change).</summary>
internal sealed class RouterSignal : WorkSignal;
