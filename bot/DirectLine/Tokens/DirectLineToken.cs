namespace ConversationHub.Bot.DirectLine.Tokens;

/// <summary>What a valid token proves: this user may read and write this conversation until the expiry.</summary>
internal sealed record DirectLineToken(string UserId, Guid ConversationId, DateTimeOffset ExpiresAt);
