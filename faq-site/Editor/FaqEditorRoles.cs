using ConversationHub.Core.Identity;

namespace ConversationHub.Faq.Editor;

/// <summary>Who may use the FAQ editors' console: FAQ editors, and administrators as everywhere else.</summary>
internal static class FaqEditorRoles
{
    /// <summary>For <c>[Authorize(Roles = …)]</c>: any one of the roles suffices.</summary>
    public const string EditorsAndAdministrators = HubRoles.FaqEditor + "," + HubRoles.Administrator;

    /// <summary>
    /// The pages of one FAQ (list, edit, history, attachments, status): department staff too, who then see and change
    /// only their department's FAQs (<see cref="KnowledgeBase.Editing.FaqEditorActor"/>).
    /// </summary>
    public const string EditorsAdministratorsAndDepartments = EditorsAndAdministrators + "," + HubRoles.DepartmentStaff;

    /// <summary>Whether <paramref name="user"/> edits every FAQ (an editor or administrator), for what the pages offer.</summary>
    public static bool EditsAll(System.Security.Claims.ClaimsPrincipal user) =>
        user?.IsInRole(HubRoles.FaqEditor) == true || user?.IsInRole(HubRoles.Administrator) == true;
}
