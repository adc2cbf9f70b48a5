namespace ConversationHub.Core.Audit;

/// <summary>The kinds of audited events, by name (stored as text, so a new kind needs no migration).</summary>
public static class AuditActions
{
    /// <summary>A staff member signed in.</summary>
    public const string SignInSucceeded = "signin.succeeded";

    /// <summary>A sign-in was refused (wrong password, unknown id).</summary>
    public const string SignInFailed = "signin.failed";

    /// <summary>A sign-in was refused because the account is locked out.</summary>
    public const string SignInLockedOut = "signin.locked_out";

    /// <summary>A staff member signed out.</summary>
    public const string SignedOut = "signout";

    /// <summary>A case with personal data was opened.</summary>
    public const string CaseViewed = "case.viewed";

    /// <summary>A conversation's transcript was read by staff.</summary>
    public const string TranscriptViewed = "transcript.viewed";

    /// <summary>Data was exported (CSV, .xlsx).</summary>
    public const string Exported = "export";

    /// <summary>A setting was changed in the console.</summary>
    public const string SettingChanged = "setting.changed";

    /// <summary>A user account, its roles or department was changed.</summary>
    public const string UserChanged = "user.changed";

    /// <summary>The audit log itself was searched or exported.</summary>
    public const string AuditViewed = "audit.viewed";

    /// <summary>The daily retention job deleted or anonymised a kind of expired data.</summary>
    public const string RetentionApplied = "retention.applied";

    /// <summary>A staff account was created (新規従事者).</summary>
    public const string UserCreated = "user.created";

    /// <summary>A staff account was disabled (離職者); its history stays.</summary>
    public const string UserDisabled = "user.disabled";

    /// <summary>A disabled staff account was enabled again.</summary>
    public const string UserEnabled = "user.enabled";

    /// <summary>A role was granted to a staff account (権限付与).</summary>
    public const string RoleGranted = "role.granted";

    /// <summary>A role was removed from a staff account (権限削除).</summary>
    public const string RoleRemoved = "role.removed";

    /// <summary>An administrator reset a staff member's password (to be changed at next sign-in).</summary>
    public const string PasswordReset = "user.password_reset";

    /// <summary>A staff member changed their own password.</summary>
    public const string PasswordChanged = "user.password_changed";

    /// <summary>Two-factor sign-in was enrolled, reset or switched off for an account.</summary>
    public const string TwoFactorChanged = "user.two_factor";

    /// <summary>A team or group was created, renamed or deleted, or its members changed.</summary>
    public const string TeamChanged = "team.changed";
}
