namespace ConversationHub.Handoff.Programs.Administration;

/// <summary>The audit log's actions of program administration.</summary>
internal static class ProgramAuditActions
{
    /// <summary>An administrator defined a program; the target is <c>program:&lt;code&gt;</c>.</summary>
    public const string Created = "program.created";

    /// <summary>An administrator changed a program; the detail names the fields changed.</summary>
    public const string Changed = "program.changed";
}
