using System.Text.Json.Nodes;

namespace ConversationHub.VoiceBridge.Simulator;

/// <summary>
/// Watches the stand-in ACS from inside, for measurements (<c>voice load</c>): each delivery it posts, each REST request
/// it accepts, each SMS it sends and each change of a call. Optional: none is registered by the platform, and without
/// one the stand-in only tests a null reference. Implementations are called on the stand-in's own threads (deliveries
/// from its single delivery loop, requests from request threads), so they must be quick and thread-safe, and must not
/// modify the JSON they are given.
/// </summary>
internal interface IAcsStandInObserver
{
    /// <summary>
    /// A delivery is about to be posted (called for each attempt): <paramref name="events"/> is the one CloudEvent of a
    /// Call Automation callback, or the Event Grid notification's array when <paramref name="eventGrid"/>.
    /// </summary>
    void Posting(JsonNode events, bool eventGrid);

    /// <summary>The post of <paramref name="events"/> returned; <paramref name="acknowledged"/> when the receiver answered 2xx.</summary>
    void Posted(JsonNode events, bool eventGrid, bool acknowledged);

    /// <summary>
    /// A REST request passed the signature check and is about to run: <paramref name="operation"/> as recorded
    /// (<c>answer</c>, <c>play</c>, <c>recognize</c>, <c>hangUp</c>, <c>sms</c>, …), the call it names (none for SMS)
    /// and its body.
    /// </summary>
    void Requested(string operation, string? callConnectionId, string body);

    /// <summary>An SMS was accepted for sending (a repeat of an accepted Repeatability-Request-ID is not).</summary>
    void SmsAccepted(SentSms sms);

    /// <summary>The call changed: a prompt was added to what the caller hears, a recognize started or ended, its state moved.</summary>
    void Changed(SimulatedCall call);
}
