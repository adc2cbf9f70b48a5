namespace ConversationHub.Core.Handoff;

/// <summary>
/// Makes a case (案件) for a department to answer by e-mail, for modules that must not depend on the handoff module (the
/// bot): the bot asks the citizen for an address and the question in the chat, then calls this. The handoff module
/// registers the real intake; without it (<see cref="NoCaseIntake"/>) no case can be made and the bot says so.
/// </summary>
public interface ICaseIntake
{
    /// <summary>
    /// Makes the case (channel: the conversation's; the chat's transcript as its first entry; a confirmation mail queued
    /// with it) and returns its number (<c>C-2026-000123</c>), or null when no case could be made (no handoff module,
    /// an unknown conversation, an address or text the case rules refuse).
    /// </summary>
    /// <remarks>
    /// Idempotent by <see cref="ChatCaseRequest.RequestKey"/>: a request repeated with the same key (a bot turn retried
    /// after a crash) returns the first case's number and makes nothing new.
    /// </remarks>
    Task<string?> CreateFromChatAsync(ChatCaseRequest request, CancellationToken cancellationToken);
}

/// <summary>A case asked for in a chat.</summary>
/// <param name="ConversationId">The chat.</param>
/// <param name="Email">The citizen's address, where the answer goes (checked with <see cref="CitizenMailAddress.IsValid"/>).</param>
/// <param name="Text">The citizen's question, in their words.</param>
/// <param name="FaqId">The FAQ the bot answered last, if any (the case's source FAQ).</param>
/// <param name="RequestKey">At most 64 characters, unique per request (for example the chat turn's id).</param>
public sealed record ChatCaseRequest(Guid ConversationId, string Email, string Text, string? FaqId, string RequestKey);

/// <summary>The intake of a platform without the handoff module: no case is ever made.</summary>
public sealed class NoCaseIntake : ICaseIntake
{
    /// <inheritdoc />
    public Task<string?> CreateFromChatAsync(ChatCaseRequest request, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
