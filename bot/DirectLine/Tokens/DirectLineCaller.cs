namespace ConversationHub.Bot.DirectLine.Tokens;

/// <summary>Who is calling: a trusted embedder (the secret) or a client holding a token.</summary>
internal sealed record DirectLineCaller(bool IsEmbedder, DirectLineToken? Token);
