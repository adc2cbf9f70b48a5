using ConversationHub.Faq.KnowledgeBase.Domain;

namespace ConversationHub.Faq.KnowledgeBase.Editing;

/// <summary>
/// Who edits an FAQ and what they may touch. FAQ editors and administrators edit every FAQ; department staff
/// (<see cref="DepartmentId"/> set, <see cref="EditsAll"/> false) edit, unpublish and retire only the FAQs their
/// department owns, and cannot take their own department off an FAQ (they would lock themselves out of it).
/// Publishing stays with the editors, who answer for what the public site says.
/// </summary>
public sealed record FaqEditorActor(Guid? UserId, bool EditsAll, Guid? DepartmentId)
{
    /// <summary>An FAQ editor, an administrator, or the platform itself: every FAQ, every move.</summary>
    public static FaqEditorActor Editor(Guid? userId) => new(userId, true, null);

    /// <summary>Department staff of <paramref name="departmentId"/> (null: a department account without a department, which edits nothing).</summary>
    public static FaqEditorActor DepartmentStaff(Guid? userId, Guid? departmentId) => new(userId, false, departmentId);

    /// <summary>Whether the actor may change an FAQ owned by <paramref name="owners"/>.</summary>
    public bool MayEdit(IEnumerable<Guid> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        return EditsAll || (DepartmentId is { } own && owners.Contains(own));
    }

    /// <summary>Whether the actor may save an FAQ with <paramref name="newOwners"/> as its owning departments.</summary>
    public bool MayOwn(IEnumerable<Guid>? newOwners) => EditsAll || (DepartmentId is { } own && (newOwners ?? []).Contains(own));

    /// <summary>Whether the actor may move an FAQ from <paramref name="from"/> to <paramref name="to"/>: department staff only take one down.</summary>
    public bool MayMove(FaqStatus from, FaqStatus to) =>
        EditsAll || (from, to) is (FaqStatus.Published, FaqStatus.Draft) or (FaqStatus.Draft or FaqStatus.Published, FaqStatus.Archived);
}
