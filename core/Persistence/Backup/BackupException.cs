namespace ConversationHub.Core.Persistence.Backup;

/// <summary>A backup or restore that was refused or failed; its message says why, and nothing was changed.</summary>
public sealed class BackupException : Exception
{
    /// <summary>A refusal without a message.</summary>
    public BackupException()
    {
    }

    /// <summary>A refusal that says why.</summary>
    public BackupException(string message)
        : base(message)
    {
    }

    /// <summary>A failure that says why, with its cause.</summary>
    public BackupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
