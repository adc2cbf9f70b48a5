namespace ConversationHub.Faq.Translations;

/// <summary>The audit log's actions of FAQ translation editing; the target is <c>faq:&lt;id&gt;:&lt;language&gt;</c>.</summary>
internal static class FaqTranslationAuditActions
{
    /// <summary>An editor added or changed a translation; the detail names what changed (question, answer).</summary>
    public const string Saved = "faq.translation.saved";

    /// <summary>An editor removed a translation (citizens then see the Japanese with a note).</summary>
    public const string Removed = "faq.translation.removed";
}
