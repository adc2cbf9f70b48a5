using ConversationHub.Core.Identity;

namespace ConversationHub.Host.DemoCity;

/// <summary>A demo staff account: one per role, so every screen can be tried.</summary>
internal sealed record DemoAccount(string UserName, string DisplayName, string Role, string? DepartmentCode)
{
    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("operator", "コールセンター 太郎", HubRoles.Operator, null),
        new("supervisor", "コールセンター 監督", HubRoles.Supervisor, null),
        new("dept-staff", "市民課 担当", HubRoles.DepartmentStaff, "100100"),
        new("approver", "市民課 課長", HubRoles.Approver, "100100"),
        new("faq-editor", "広報広聴 編集", HubRoles.FaqEditor, null),
        new("admin", "システム 管理者", HubRoles.Administrator, null),
        new("bosai", "防災 山田", HubRoles.PhoneSwitch, "800100"),
    ];

    /// <summary>The demo agent's phone for calls: an ACS identity of the demo resource.</summary>
    public static string PhoneTargetOf(string userName) => "8:acs:wakabadai-demo_" + userName;

    /// <summary>The user name of the <paramref name="number"/>th extra operator of a load run (1-based).</summary>
    public static string LoadOperatorName(int number) => $"load-operator-{number:D3}";
}
