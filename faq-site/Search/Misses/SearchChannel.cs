namespace ConversationHub.Faq.Search.Misses;

/// <summary>Where a search came from. Stored in lower case (<c>site</c>, <c>chat</c>, <c>line</c>, <c>api</c>, <c>voice</c>).</summary>
public enum SearchChannel
{
    /// <summary>The public FAQ site's search page.</summary>
    Site,

    /// <summary>The web chat widget's bot.</summary>
    Chat,

    /// <summary>LINE.</summary>
    Line,

    /// <summary><c>/api/faq/search</c> called directly.</summary>
    Api,

    /// <summary>A caller's spoken question to the voicebot.</summary>
    Voice,
}
