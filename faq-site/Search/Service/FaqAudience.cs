namespace ConversationHub.Faq.Search.Service;

/// <summary>Who is searching, which decides the FAQ visibilities they may see.</summary>
public enum FaqAudience
{
    /// <summary>Citizens (site, chat, LINE, phone): public FAQs only.</summary>
    Public,

    /// <summary>Contact-center staff: public and center FAQs.</summary>
    Center,

    /// <summary>City staff: every visibility.</summary>
    Staff,
}
