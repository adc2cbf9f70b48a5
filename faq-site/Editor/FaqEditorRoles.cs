using ConversationHub.Core.Identity;

namespace ConversationHub.Faq.Editor;

/// <summary>Who may use the FAQ editors' console: FAQ editors, and administrators as everywhere else.</summary>
internal static class FaqEditorRoles
{
    /// <summary>For <c>[Authorize(Roles = …)]</c>: any one of the roles suffices.</summary>
    public const string EditorsAndAdministrators = HubRoles.FaqEditor + "," + HubRoles.Administrator;
}
