namespace ConversationHub.Faq.Site.Assets;

/// <summary>An embedded file's bytes and a short hash of them.</summary>
internal sealed record EmbeddedAsset(byte[] Content, string Version);
