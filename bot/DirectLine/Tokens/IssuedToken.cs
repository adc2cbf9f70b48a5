namespace ConversationHub.Bot.DirectLine.Tokens;

/// <summary>A token as handed to the client, with its lifetime in seconds (<c>expires_in</c>).</summary>
internal sealed record IssuedToken(string Value, int ExpiresInSeconds);
